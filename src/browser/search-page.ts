/**
 * The search page, `/search/`: reads the search from the URL, shows the form, searches as the
 * reader types and keeps the address bar in step (`history.replaceState`), shows results ten at a
 * time and offers to search earlier papers. Loaded only on `/search/`, as a deferred module file.
 */
import { isSearchManifest, type SearchManifest, type SearchShard } from '../search-manifest.ts';
import { SearchEngine } from './search-engine.ts';
import type { ResultStream } from './search-merge.ts';
import type { PagefindResultData } from './pagefind-api.ts';
import { chooseScope, type SearchScope } from './search-scope.ts';
import { hasCriteria, parseState, stateQuery, type SearchState } from './search-state.ts';
import { findUi, readForm, renderResults, renderScope, setStatus, showError, writeForm, type SearchUi } from './search-ui.ts';
import { resultsStatus, scopeText, toResultView } from './search-view.ts';

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 200;

async function loadManifest(url: string): Promise<SearchManifest> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const manifest: unknown = await response.json();
  if (!isSearchManifest(manifest)) throw new Error(`${url}: not a search manifest this page understands`);
  return manifest;
}

class SearchPage {
  private state: SearchState;
  private stream: ResultStream<PagefindResultData> | undefined;
  private run = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Set when the reader asked for earlier papers: focus must not be lost if that button goes away. */
  private keepFocus = false;
  /** Set when the search itself looked further back; new words start from the newest shards again. */
  private lookedBack = false;

  constructor(private readonly ui: SearchUi, private readonly manifest: SearchManifest, private readonly engine: SearchEngine, from: string) {
    this.state = readForm(ui, from);
  }

  listen(): void {
    this.ui.form.addEventListener('input', (event) => {
      const previous = this.state;
      const next = readForm(this.ui, '');
      const samePeriod = next.year === previous.year && next.month === previous.month;
      const sameScope = samePeriod && !(this.lookedBack && next.q !== previous.q);
      this.state = { ...next, from: sameScope ? previous.from : '' };
      if (!sameScope) this.lookedBack = false;
      this.schedule(event.target === this.ui.input ? TYPING_DELAY_MS : 0);
    });
    this.ui.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.schedule(0);
    });
    this.ui.more.addEventListener('click', () => void this.showMore().catch(() => showError(this.ui)));
    this.ui.earlier.addEventListener('click', () => {
      const earliest = chooseScope(this.manifest, this.state).next.at(-1);
      if (!earliest) return;
      this.state = { ...this.state, from: earliest.first };
      this.keepFocus = true;
      this.lookedBack = false;
      this.schedule(0);
    });
    this.schedule(0);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search().catch(() => showError(this.ui)), delay);
  }

  private updateAddress(): void {
    history.replaceState(history.state, '', `${location.pathname}${stateQuery(this.state)}${location.hash}`);
  }

  /**
   * Searches the scope; when nothing matches there, searches earlier shards too, batch by batch,
   * until something matches or every shard was searched (a paper's exact title is found wherever it is).
   */
  private async findResults(id: number): Promise<{ scope: SearchScope; stream: ResultStream<PagefindResultData> }> {
    let scope = chooseScope(this.manifest, this.state);
    let stream = await this.engine.search(this.state, scope);
    while (stream.total === 0 && scope.next.length > 0 && id === this.run) {
      this.state = { ...this.state, from: (scope.next.at(-1) as SearchShard).first };
      this.lookedBack = true;
      this.updateAddress();
      scope = chooseScope(this.manifest, this.state);
      stream = await this.engine.search(this.state, scope);
    }
    return { scope, stream };
  }

  private async search(): Promise<void> {
    const id = ++this.run;
    this.updateAddress();
    if (!hasCriteria(this.state)) {
      this.stream = undefined;
      renderResults(this.ui, [], false);
      this.ui.more.hidden = true;
      renderScope(this.ui, '', false);
      setStatus(this.ui, '', false);
      return;
    }
    this.ui.results.setAttribute('aria-busy', 'true');
    const { scope, stream } = await this.findResults(id);
    const page = await stream.next(PAGE_SIZE);
    if (id !== this.run) return;
    this.stream = stream;
    renderResults(this.ui, page.map((data) => toResultView(data, this.ui.language)), false);
    this.ui.results.removeAttribute('aria-busy');
    this.ui.more.hidden = stream.done();
    setStatus(this.ui, resultsStatus(stream.total, this.state.q));
    renderScope(this.ui, scopeText(scope, this.ui.language), scope.next.length > 0);
    if (this.keepFocus && this.ui.earlier.hidden) this.ui.status.focus();
    this.keepFocus = false;
  }

  private async showMore(): Promise<void> {
    const { stream, run } = this;
    if (!stream) return;
    const page = await stream.next(PAGE_SIZE);
    if (run !== this.run) return;
    const first = renderResults(this.ui, page.map((data) => toResultView(data, this.ui.language)), true);
    this.ui.more.hidden = stream.done();
    first?.focus();
  }
}

async function start(): Promise<void> {
  const ui = findUi(document);
  if (!ui) return;
  const initial = parseState(location.search);
  writeForm(ui, initial);
  ui.form.hidden = false;
  if (!initial.q) ui.input.focus();
  try {
    const manifest = await loadManifest(ui.form.dataset.manifest ?? '');
    if (manifest.shards.length === 0) {
      ui.form.remove();
      setStatus(ui, 'There are no papers to search yet.');
      return;
    }
    const engine = await SearchEngine.load(manifest);
    new SearchPage(ui, manifest, engine, initial.from).listen();
  } catch {
    showError(ui);
  }
}

void start();

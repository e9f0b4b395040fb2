/**
 * The search page, `/search/`: reads the search from the URL, shows the form, searches as the
 * reader types and keeps the address bar in step (`history.replaceState`), shows results ten at a
 * time and offers to search earlier months. Loaded only on `/search/`, as a deferred module file.
 */
import { isSearchManifest, type SearchManifest } from '../search-manifest.ts';
import { SearchEngine } from './search-engine.ts';
import type { ResultStream } from './search-merge.ts';
import type { PagefindResultData } from './pagefind-api.ts';
import { chooseScope } from './search-scope.ts';
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

  constructor(private readonly ui: SearchUi, private readonly manifest: SearchManifest, private readonly engine: SearchEngine, from: string) {
    this.state = readForm(ui, from);
  }

  listen(): void {
    this.ui.form.addEventListener('input', (event) => {
      const previous = this.state;
      const next = readForm(this.ui, '');
      const samePeriod = next.year === previous.year && next.month === previous.month;
      this.state = { ...next, from: samePeriod ? previous.from : '' };
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
      this.schedule(0);
    });
    this.schedule(0);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search().catch(() => showError(this.ui)), delay);
  }

  private async search(): Promise<void> {
    const id = ++this.run;
    history.replaceState(history.state, '', `${location.pathname}${stateQuery(this.state)}${location.hash}`);
    if (!hasCriteria(this.state)) {
      this.stream = undefined;
      renderResults(this.ui, [], false);
      this.ui.more.hidden = true;
      renderScope(this.ui, '', false);
      setStatus(this.ui, '', false);
      return;
    }
    const scope = chooseScope(this.manifest, this.state);
    this.ui.results.setAttribute('aria-busy', 'true');
    const stream = await this.engine.search(this.state, scope);
    const page = await stream.next(PAGE_SIZE);
    if (id !== this.run) return;
    this.stream = stream;
    renderResults(this.ui, page.map((data) => toResultView(data, this.ui.language)), false);
    this.ui.results.removeAttribute('aria-busy');
    this.ui.more.hidden = stream.done();
    setStatus(this.ui, resultsStatus(stream.total, this.state.q));
    renderScope(this.ui, scopeText(scope, this.ui.language), scope.next.length > 0);
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

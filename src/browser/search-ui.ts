/**
 * The search page's DOM: finds its elements, reads and writes the form, and renders results,
 * status and scope. Results are built with `createElement` and `textContent` only, so nothing from
 * the index can become markup. The input, results and outcome message also carry Pagefind's
 * Default UI class names, so tools written for Pagefind's UI (e.g. accessibility checkers that type
 * a query and wait for results) can drive this one.
 */
import { parseState, type SearchState } from './search-state.ts';
import type { ResultView } from './search-view.ts';

export interface SearchUi {
  form: HTMLFormElement;
  input: HTMLInputElement;
  status: HTMLElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
  scope: HTMLElement;
  scopeText: HTMLElement;
  earlier: HTMLButtonElement;
  error: HTMLElement;
  language: string;
}

/** The page's elements, or undefined on a page without the search form. */
export function findUi(doc: Document): SearchUi | undefined {
  const get = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T | null;
  const ui = {
    form: get<HTMLFormElement>('search-form'), input: get<HTMLInputElement>('search-q'), status: get('search-status'),
    results: get<HTMLOListElement>('search-results'), more: get<HTMLButtonElement>('search-more'), scope: get('search-scope'),
    scopeText: get('search-scope-text'), earlier: get<HTMLButtonElement>('search-earlier'), error: get('search-error'),
  };
  if (Object.values(ui).some((element) => element === null)) return undefined;
  return { ...(ui as Omit<SearchUi, 'language'>), language: doc.documentElement.lang || 'en' };
}

/** The state the form shows; `from` is not a form field and is passed through. */
export function readForm(ui: SearchUi, from: string): SearchState {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(ui.form)) if (typeof value === 'string') params.append(name, value);
  return { ...parseState(params.toString()), from };
}

/** Shows a state in the form; a value the form has no option for (an unknown topic) is dropped. */
export function writeForm(ui: SearchUi, state: SearchState): void {
  ui.input.value = state.q;
  for (const name of ['topic', 'year', 'month', 'venue', 'sort'] as const) {
    const select = ui.form.elements.namedItem(name);
    if (!(select instanceof HTMLSelectElement)) continue;
    const value = name === 'sort' && state.sort === 'relevance' ? '' : state[name];
    select.value = [...select.options].some((option) => option.value === value) ? value : '';
  }
  const code = ui.form.elements.namedItem('code');
  if (code instanceof HTMLInputElement) code.checked = state.code;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderResult(view: ResultView): HTMLLIElement {
  const item = element('li', 'search-result pagefind-ui__result');
  const article = item.appendChild(element('article', ''));
  const link = element('a', '', view.title);
  link.href = view.url;
  link.dir = 'auto';
  article.appendChild(element('h2', 'search-result-title')).appendChild(link);
  const meta = article.appendChild(element('p', 'search-result-meta'));
  const time = meta.appendChild(element('time', '', view.dateLabel));
  time.dateTime = view.date;
  if (view.authors) meta.append(' · ', Object.assign(element('span', '', view.authors), { dir: 'auto' }));
  meta.append(` · ${view.upvotes}`);
  const snippet = article.appendChild(element('p', 'search-result-snippet'));
  snippet.dir = 'auto';
  for (const part of view.excerpt) snippet.append(part.mark ? element('mark', '', part.text) : part.text);
  return item;
}

/** Replaces the results, or appends to them; returns the first new result's link. */
export function renderResults(ui: SearchUi, views: ResultView[], append: boolean): HTMLAnchorElement | null {
  const items = views.map(renderResult);
  if (append) ui.results.append(...items);
  else ui.results.replaceChildren(...items);
  ui.results.hidden = ui.results.children.length === 0;
  return items[0]?.querySelector('a') ?? null;
}

/**
 * Sets the status line, a live region that stays in place so screen readers announce each change.
 * It carries Pagefind's message class only while it reports a search's outcome.
 */
export function setStatus(ui: SearchUi, text: string, outcome = true): void {
  if (ui.status.textContent !== text) ui.status.textContent = text;
  ui.status.classList.toggle('pagefind-ui__message', outcome && text !== '');
}

export function renderScope(ui: SearchUi, text: string, canSearchEarlier: boolean): void {
  ui.scope.hidden = text === '';
  ui.scopeText.textContent = text;
  ui.earlier.hidden = !canSearchEarlier;
}

/** Search could not start or failed: the page offers the listings and topics instead. */
export function showError(ui: SearchUi): void {
  // Removed, not hidden: where scripts run, a hidden form keeps its room (styles/_search.scss).
  ui.form.remove();
  ui.results.hidden = true;
  ui.more.hidden = true;
  ui.scope.hidden = true;
  ui.error.hidden = false;
  setStatus(ui, 'Search could not be loaded.');
}

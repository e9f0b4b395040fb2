/**
 * The "/" shortcut, on every page: pressing `/` focuses the search box (the search page's own, or
 * the header's), unless the reader is typing in a field or holds a modifier key. A tiny separate
 * file so that pages other than `/search/` load no search code.
 */

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
  const box = document.getElementById('search-q') ?? document.getElementById('site-search-q');
  if (!(box instanceof HTMLInputElement) || box.closest('[hidden]')) return;
  event.preventDefault();
  box.focus();
  box.select();
});

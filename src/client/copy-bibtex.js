// Progressive enhancement for a paper page's "Cite" section, served as a file (no inline script)
// and loaded with `defer` on paper pages only. Without it the BibTeX is plain selectable text with
// a .bib download; with it a "Copy BibTeX" button appears when the browser may write to the
// clipboard, and the result is announced in the section's live region.
/* global document, navigator, window */
(() => {
  /** Selects an element's text so the reader can copy it by hand when the clipboard refuses. */
  const selectText = (element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  };

  for (const button of document.querySelectorAll('button[data-copy-target]')) {
    const source = document.getElementById(button.dataset.copyTarget ?? '');
    const status = document.getElementById(button.dataset.copyStatus ?? '');
    if (!source || !status || !navigator.clipboard) continue;
    let timer;
    button.addEventListener('click', async () => {
      window.clearTimeout(timer);
      try {
        await navigator.clipboard.writeText(source.textContent ?? '');
        status.textContent = 'BibTeX copied to the clipboard.';
      } catch {
        selectText(source);
        status.textContent = 'Copying was blocked: the BibTeX is selected, copy it with your keyboard.';
      }
      timer = window.setTimeout(() => {
        status.textContent = '';
      }, 6000);
    });
    button.hidden = false;
  }
})();

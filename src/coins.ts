/**
 * COinS (ContextObjects in Spans): an OpenURL 1.0 ContextObject (ANSI/NISO Z39.88-2004, KEV format)
 * in the `title` of an empty `<span class="Z3988">` per paper on listing pages, so Zotero's COinS
 * translator offers to save every paper of a page at once. Papers with a venue are described as
 * conference papers (book format, genre `proceeding`), the others as preprints (journal format).
 */
import { arxivDoi, citationDate, type Citable } from './citable.ts';
import { absoluteUrl, paperPath } from './urls.ts';

/** The ContextObject for one paper, as `key=value` pairs joined by `&`, values percent-encoded. */
export function coinsContext(cite: Citable, siteUrl: string): string {
  const pairs: [string, string][] = [['ctx_ver', 'Z39.88-2004']];
  if (cite.venue) {
    pairs.push(['rft_val_fmt', 'info:ofi/fmt:kev:mtx:book'], ['rft.genre', 'proceeding'], ['rft.atitle', cite.title], ['rft.btitle', cite.venue]);
  } else {
    pairs.push(['rft_val_fmt', 'info:ofi/fmt:kev:mtx:journal'], ['rft.genre', 'preprint'], ['rft.atitle', cite.title]);
  }
  for (const author of cite.authors) pairs.push(['rft.au', author]);
  pairs.push(['rft.date', citationDate(cite)]);
  if (cite.arxiv) pairs.push(['rft_id', `info:doi/${arxivDoi(cite.arxiv)}`], ['rft_id', `info:arxiv/${cite.arxiv}`]);
  pairs.push(['rft_id', absoluteUrl(siteUrl, paperPath(cite.id))]);
  return pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
}

/**
 * Rendered papers the way a build sees them: written as a file by the factories, parsed by the
 * content loader and rendered, so tests of what comes after rendering start from real data.
 */
import { renderPapers } from '../../src/abstracts.ts';
import { parsePaper, type Paper } from '../../src/content.ts';
import type { RenderedPaper } from '../../src/views.ts';
import { paperFields, paperSource, type Fields } from './papers.ts';

/** A paper as the content loader reads it, before its abstract is rendered. */
export function loadedPaper(fields: Fields = {}, body?: string, file = 'paper.md'): Paper {
  const { paper, problems } = parsePaper(file, new TextEncoder().encode(paperSource(paperFields(fields), body)));
  if (!paper) throw new Error(`fixture does not parse: ${problems.map((p) => p.message).join('; ')}`);
  return paper;
}

export function renderedPaper(fields: Fields = {}, body?: string, file = 'paper.md'): RenderedPaper {
  return renderPapers([loadedPaper(fields, body, file)]).papers[0] as RenderedPaper;
}

/** A rendered paper as it was before rendering: its Markdown, no text or HTML. */
export function unrendered(paper: RenderedPaper): Paper {
  const { html: _html, text: _text, hasMath: _hasMath, ...loaded } = paper;
  return loaded;
}

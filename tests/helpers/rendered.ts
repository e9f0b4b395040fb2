/**
 * Rendered papers the way a build sees them: written as a file by the factories, parsed by the
 * content loader and rendered, so tests of what comes after rendering start from real data.
 */
import { renderPapers } from '../../src/abstracts.ts';
import { parsePaper } from '../../src/content.ts';
import type { RenderedPaper } from '../../src/views.ts';
import { paperFields, paperSource, type Fields } from './papers.ts';

export function renderedPaper(fields: Fields = {}, body?: string, file = 'paper.md'): RenderedPaper {
  const { paper, problems } = parsePaper(file, new TextEncoder().encode(paperSource(paperFields(fields), body)));
  if (!paper) throw new Error(`fixture does not parse: ${problems.map((p) => p.message).join('; ')}`);
  return renderPapers([paper]).papers[0] as RenderedPaper;
}

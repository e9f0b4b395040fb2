/**
 * The site the design's end-to-end suites visit: the sample papers plus fixtures that stress the
 * layout (a paper with wide display math and an old-style id, one with 40 authors and a long
 * unbroken word), built like a user builds it, and the list of page types with the paths that
 * show each. Served by `npm run preview` (tests/helpers/preview.ts), so the real headers apply.
 */
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { paperFields, paperSource, writePapers } from './papers.ts';
import { root, runBuild } from './site.ts';

export interface DesignPage {
  name: string;
  path: string;
  status?: number;
  /** A selector that shows the page is ready (search results come after load). */
  ready?: string;
}

/** Every page type the suites visit, in light and dark. */
export const DESIGN_PAGES: DesignPage[] = [
  { name: 'home', path: '/' },
  { name: 'day', path: '/papers/date/2025-03-11/' },
  { name: 'week', path: '/papers/week/2025-W11/' },
  { name: 'month', path: '/papers/month/2025-03/' },
  { name: 'paper-with-math', path: '/papers/hep-th/9901001/' },
  { name: 'paper-many-authors', path: '/papers/2503.00042/' },
  { name: 'topics', path: '/topics/' },
  { name: 'topic', path: '/topics/federated-learning/' },
  { name: 'search', path: '/search/?q=federated+learning', ready: '.search-result' },
  { name: 'feeds', path: '/feeds/' },
  { name: 'about', path: '/about/' },
  { name: 'not-found', path: '/no/such/page/', status: 404 },
];

const WIDE_FORMULA = Array.from({ length: 24 }, (_, i) => `\\frac{\\partial^2 u_{${i}}}{\\partial x_{${i}}^2}`).join(' + ');

function fixtures(): Record<string, string> {
  return {
    'fixtures/wide-math.md': paperSource(
      paperFields({
        arxiv: 'hep-th/9901001v2', date: '2025-03-10', title: 'Wide formulas: $\\mathcal{N}=4$ super Yang–Mills on a small screen',
        topics: ['string theory', 'Federated Learning'], venue: 'ICLR 2024', code: 'https://github.com/example/wide-math', upvotes: 42,
      }),
      `We show that $E = mc^2$ and, with $\\sum_{i=1}^{n} x_i^2 \\le \\sqrt{\\prod_{j} y_j}$ inline,\n\n$$\n${WIDE_FORMULA} = 0\n$$\n\nand a second display $$\\int_0^1 x^2 \\, dx = \\frac{1}{3}$$ in a paragraph.`,
    ),
    'fixtures/many-authors.md': paperSource(
      paperFields({
        arxiv: '2503.00042', date: '2025-03-10', title: 'A collaboration paper with a supercalifragilisticexpialidociousandlongerstillunbrokenwordinitstitle',
        authors: Array.from({ length: 40 }, (_, i) => `Author Number${i + 1}`), topics: ['large collaborations'], upvotes: 7,
      }),
      'See https://example.org/a/very/long/unbroken/address/that/must/wrap/on/a/small/screen/instead/of/widening/the/page and Supercalifragilisticexpialidociousandlongerstillunbrokenword.',
    ),
  };
}

/** Builds the design site into a new temporary folder; throws with the build's output when it fails. */
export async function buildDesignSite(): Promise<string> {
  const dir = await writePapers(fixtures());
  await cp(path.join(root, 'content/papers'), path.join(dir, 'sample'), { recursive: true });
  const run = await runBuild(dir);
  if (run.code !== 0 || run.stderr) throw new Error(`design site build failed (${run.code}):\n${run.stderr}`);
  return run.outDir;
}

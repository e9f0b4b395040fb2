/**
 * Fixture corpora, made fresh per call: `calendarCorpus` spreads papers over days chosen for ISO
 * week edges and gaps; `hostileCorpus` puts markup, script, control characters, heavy TeX, huge
 * author lists, mixed scripts, old-style ids and a draft into every field.
 */
import { paperFields, paperSource } from './papers.ts';

export const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>{{ 7*7 }}{% raw %}';

/** Papers on 2020-12-31, 2021-01-03 (ISO 2020-W53), 2021-01-04, 2024-12-30 (2025-W01), 2025-01-06; none between. */
export function calendarCorpus(): Record<string, string> {
  const files: Record<string, string> = {};
  const add = (name: string, overrides: Record<string, unknown>) => {
    files[name] = paperSource(paperFields({ arxiv: undefined, ...overrides }));
  };
  add('w53-a.md', { date: '2020-12-31', title: 'Week fifty-three A', upvotes: 3, topics: ['Federated Learning'] });
  add('w53-b.md', { date: '2021-01-03', title: 'Week fifty-three B', upvotes: 9, topics: ['federated learning'] });
  add('w53-c.md', { date: '2021-01-03', title: 'Alpha tie', upvotes: 9, topics: ['Federated-Learning'] });
  add('w01-a.md', { date: '2021-01-04', title: 'First week of 2021', upvotes: 1, topics: ['federated learning', 'NLP'] });
  add('y25-a.md', { date: '2024-12-30', title: 'Monday before new year', upvotes: 0, topics: ['nlp'] });
  add('y25-b.md', { date: '2025-01-06', title: 'Second week of 2025', upvotes: 5, topics: [] });
  add('draft-a.md', { date: '2025-01-07', title: 'A draft never published', draft: true });
  return files;
}

/** One paper per hostile shape; file names are stable so tests can find them. */
export function hostileCorpus(): Record<string, string> {
  const files: Record<string, string> = {};
  files['2025/01/hostile-markup.md'] = paperSource(
    paperFields({
      arxiv: undefined,
      date: '2025-01-06',
      title: `Title ${HOSTILE}`,
      authors: [`Eve ${HOSTILE}`, 'Mallory "quotes" & <b>ampersands</b>'],
      topics: [`topic ${HOSTILE}`],
      venue: `Venue ${HOSTILE}`,
      submitter: `<iframe src="javascript:alert(1)"></iframe>`,
      code: 'https://example.org/?q=<script>&x="y"',
    }),
    [
      `Abstract ${HOSTILE}`,
      '',
      '[click me](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) <javascript:alert(3)>',
      '',
      '<div onclick="alert(4)">raw block</div>',
      '',
      '$\\href{javascript:alert(5)}{link}$ and ]]> twice ]]> and &amp; and &lt;',
    ].join('\n'),
  );
  files['2025/01/control-chars.md'] = paperSource(
    paperFields({ arxiv: undefined, date: '2025-01-06', title: 'Control\u0001 chars\u0007 \uFFFE inside', authors: ['Nul\u0000l Person'] }),
    'Text with \u0008 backspace and \u001B escape and \uFDD0 nonchar.',
  );
  files['2025/01/heavy-tex.md'] = paperSource(
    paperFields({ arxiv: '2501.00001v2', date: '2025-01-06', title: 'Heavy $\\mathcal{O}(n^2)$ TeX' }),
    [
      'Inline $\\sum_{i=1}^{n} \\frac{a_i}{b_i} \\le \\sqrt{\\prod_i x_i}$ and \\(\\mathbb{R}^{d}\\), broken $\\frac{1}{$, and costs of $5 and $10.',
      '',
      '$$',
      '\\begin{aligned} f(x) &= \\int_{-\\infty}^{\\infty} \\hat f(\\xi)\\,e^{2 \\pi i \\xi x} \\,d\\xi \\\\ g &= \\left(\\begin{matrix} a & b \\\\ c & d \\end{matrix}\\right) \\end{aligned}',
      '$$',
      '',
      '$\\def\\a{\\a\\a}\\a$ and a very long formula $' + 'x_{1} + '.repeat(60) + 'x$.',
    ].join('\n'),
  );
  files['2025/01/many-authors.md'] = paperSource(
    paperFields({
      arxiv: '2501.00002',
      date: '2025-01-06',
      title: 'A paper by a collaboration',
      authors: Array.from({ length: 240 }, (_, i) => `Author Number${i + 1}`),
    }),
  );
  files['2025/01/scripts.md'] = paperSource(
    paperFields({
      arxiv: '2501.00003',
      date: '2025-01-07',
      title: '大規模言語モデル と العربية و עברית 🚀🧠 mixed',
      authors: ['山田 太郎', 'محمد علي', 'דוד כהן', 'Zoë Ångström'],
      topics: ['機械学習', 'تعلم الآلة', '🤖', 'Équité'],
    }),
    '本研究では 🚀 を提案する。 هذا نص عربي. זה טקסט בעברית.',
  );
  files['2025/01/old-style.md'] = paperSource(
    paperFields({ arxiv: 'hep-th/9901001v2', date: '2025-01-07', title: 'An old-style arXiv id', topics: ['High Energy Physics'] }),
  );
  files['2025/01/draft.md'] = paperSource(
    paperFields({ arxiv: undefined, date: '2025-01-08', title: 'Secret draft', draft: true }),
  );
  return files;
}

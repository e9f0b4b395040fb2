/**
 * Factories for digests: `digestPaper` and `digest` make the data src/digest.ts hands to the
 * renderers (fresh objects each call; mixed scripts and hostile markup by default where it
 * matters), `builtDigest` renders one into what `npm run digest -- send` reads.
 */
import { renderDigest, type Digest, type DigestPaper } from '../../src/digest.ts';
import type { BuiltDigest } from '../../src/digest-message.ts';
import { HOSTILE } from './corpus.ts';

export const SITE = 'https://papers.example.org';

let counter = 0;

export function digestPaper(overrides: Partial<DigestPaper> = {}): DigestPaper {
  counter++;
  return {
    title: `A Study of Things, Part ${counter}`,
    url: `${SITE}/papers/2503.${String(10000 + counter)}/`,
    authors: 'Ada Lovelace, Alan Turing',
    authorCount: 2,
    topics: ['machine learning'],
    upvotes: 100 - counter,
    excerpt: 'We study things and find that they are interesting, with $\\mathcal{O}(n^2)$ cost.',
    ...overrides,
  };
}

/** Papers in the scripts the digest must carry intact: CJK, Arabic, Hebrew, emoji, and markup as text. */
export function mixedScriptPapers(): DigestPaper[] {
  return [
    digestPaper({
      title: '大規模言語モデル と العربية و עברית 🚀🧠 mixed',
      authors: '山田 太郎, محمد علي, דוד כהן et al.',
      authorCount: 4,
      topics: ['機械学習', 'تعلم الآلة', '🤖', 'Équité'],
      excerpt: '本研究では 🚀 を提案する。 هذا نص عربي. זה טקסט בעברית.',
    }),
    digestPaper({ title: `Title ${HOSTILE}`, authors: `Eve ${HOSTILE}`, topics: [`topic ${HOSTILE}`], excerpt: `Abstract ${HOSTILE}` }),
  ];
}

export function digest(overrides: Partial<Digest> = {}): Digest {
  const papers = overrides.papers ?? [...mixedScriptPapers(), digestPaper()];
  return {
    day: '2025-01-07',
    dayLabel: 'January 7, 2025',
    subject: `January 7, 2025: ${papers[0]?.title ?? ''} and ${papers.length - 1} more`,
    siteTitle: 'paperfeed',
    siteUrl: `${SITE}/`,
    language: 'en',
    webUrl: `${SITE}/papers/date/2025-01-07/`,
    count: papers.length,
    feeds: [
      { label: 'RSS', url: `${SITE}/rss.xml` },
      { label: 'Atom', url: `${SITE}/atom.xml` },
      { label: 'JSON Feed', url: `${SITE}/feed.json` },
      { label: 'All feeds', url: `${SITE}/feeds/` },
    ],
    unsubscribeUrl: `${SITE}/unsubscribe/`,
    ...overrides,
    papers,
  };
}

export function builtDigest(overrides: Partial<Digest> = {}): BuiltDigest {
  const file = renderDigest(digest(overrides));
  return { day: file.day, subject: file.subject, html: file.html, text: file.text };
}

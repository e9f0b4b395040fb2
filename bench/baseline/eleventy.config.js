// The benchmark's baseline: the site a user would write with Eleventy's own idioms, one Markdown
// template per paper (front matter read by Eleventy, body rendered by its markdown-it, TeX left as
// written: no KaTeX), a page per listing day, a home page with the newest day, and an RSS feed of
// the 50 newest papers from the official RSS plugin. Not part of paperfeed: `npm run bench` copies
// `site/` next to a corpus and builds it with the same Eleventy to compare against.
import { feedPlugin } from '@11ty/eleventy-plugin-rss';

/** Papers grouped by listing day, newest day first; each day's papers by upvotes. */
function days(collectionApi) {
  const byDay = new Map();
  for (const paper of collectionApi.getFilteredByTag('papers')) {
    const day = paper.date.toISOString().slice(0, 10);
    if (!byDay.has(day)) byDay.set(day, []);
    byDay.get(day).push(paper);
  }
  return [...byDay.keys()].sort().reverse().map((day) => ({
    day,
    papers: byDay.get(day).sort((a, b) => (b.data.upvotes ?? 0) - (a.data.upvotes ?? 0)),
  }));
}

export default function (eleventyConfig) {
  eleventyConfig.addCollection('days', days);
  eleventyConfig.addPlugin(feedPlugin, {
    type: 'rss',
    outputPath: '/rss.xml',
    collection: { name: 'papers', limit: 50 },
    metadata: { language: 'en', title: 'Papers', subtitle: 'Trending papers', base: 'https://papers.example.org/', author: { name: 'Papers' } },
  });
}

export const config = {
  dir: { includes: '_includes' },
  // Abstracts contain `{{` and `{%`: paper files are Markdown only, never Liquid or Nunjucks.
  markdownTemplateEngine: false,
  htmlTemplateEngine: 'njk',
};

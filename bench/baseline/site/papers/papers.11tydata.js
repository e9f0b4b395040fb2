// Every file under papers/ is a paper page at /papers/<file name>/ in the paper layout.
export default {
  layout: 'paper.njk',
  tags: 'papers',
  eleventyComputed: {
    permalink: (data) => `/papers/${data.page.fileSlug}/`,
  },
};

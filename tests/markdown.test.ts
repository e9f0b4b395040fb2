import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { createMarkdown, renderAbstract } from '../src/markdown.ts';

const md = createMarkdown('html');
const render = (source: string) => renderAbstract(md, source);

describe('renderAbstract', () => {
  it('renders Markdown paragraphs, emphasis and code', () => {
    const { html, text } = render('We *study* `x`.\n\nSecond paragraph.');
    const $ = cheerio.load(html);
    expect($('p')).toHaveLength(2);
    expect($('em').text()).toBe('study');
    expect(text).toBe('We study x.\n\nSecond paragraph.');
  });

  it('renders inline and display math with KaTeX, with MathML for screen readers', () => {
    const { html, hasMath, warnings } = render('Let $x^2$ and \\(y_1\\).\n\n$$\n\\int_0^1 f\n$$');
    const $ = cheerio.load(html);
    expect(hasMath).toBe(true);
    expect(warnings).toEqual([]);
    expect($('.katex')).toHaveLength(3);
    expect($('.katex math')).toHaveLength(3);
    expect($('.math-display .katex-display')).toHaveLength(1);
    expect($('annotation[encoding="application/x-tex"]').first().text()).toBe('x^2');
  });

  it('renders \\[ … \\] display math', () => {
    const $ = cheerio.load(render('\\[\nE = mc^2\n\\]').html);
    expect($('.katex-display')).toHaveLength(1);
  });

  it('puts every display formula of a page in its own keyboard-focusable scroll box, and none in feeds', () => {
    const source = 'Block:\n\n$$\n\\int_0^1 f\n$$\n\n\\[\nE = mc^2\n\\]\n\nDisplay $$a = b$$ in a paragraph, and $x$.';
    const $ = cheerio.load(render(source).html);
    expect($('.math-display').map((_, el) => [[el.tagName, $(el).attr('tabindex')]]).get()).toEqual([['div', '0'], ['div', '0'], ['span', '0']]);
    expect($('.math-display .katex-display')).toHaveLength(3);
    expect($('.katex:not(.math-display .katex)')).toHaveLength(1);
    const feed = cheerio.load(renderAbstract(createMarkdown('mathml'), source).html);
    expect(feed('[tabindex]')).toHaveLength(0);
  });

  it('keeps dollar amounts as text', () => {
    const { html, hasMath } = render('It costs $5 and $10, or $20.');
    expect(hasMath).toBe(false);
    expect(cheerio.load(html)('p').text()).toBe('It costs $5 and $10, or $20.');
  });

  it('writes MathML only for feeds', () => {
    const { html } = renderAbstract(createMarkdown('mathml'), 'Let $x^2$.');
    const $ = cheerio.load(html);
    expect($('math')).toHaveLength(1);
    expect($('.katex-html')).toHaveLength(0);
  });

  it('shows a formula KaTeX rejects as its source and reports a warning', () => {
    const { html, warnings } = render('Broken $\\frac{1}{$ here.');
    expect(cheerio.load(html)('code.math-source').text()).toBe('$\\frac{1}{$');
    expect(warnings).toEqual([expect.stringMatching(/^formula \$\\frac\{1\}\{\$ is shown as source: KaTeX: /)]);
  });

  it('stops TeX that expands without end', () => {
    const { html, warnings } = render('$\\def\\a{\\a\\a}\\a$');
    expect(warnings).toHaveLength(1);
    expect(html).toContain('math-source');
  });

  it('knows the arXiv macros KaTeX lacks', () => {
    const { warnings, html } = render('A $1.4\\msun$ star at $30\\kms$ and $\\mbox{[Fe/H]}$.');
    expect(warnings).toEqual([]);
    expect(cheerio.load(html)('.katex')).toHaveLength(3);
  });

  it('keeps one abstract\'s macro definitions out of the next', () => {
    const first = render('$\\gdef\\frac#1#2{BROKEN} x$');
    const second = render('$\\frac{1}{2}$');
    expect(first.warnings).toEqual([]);
    expect(cheerio.load(second.html)('annotation').text()).toBe('\\frac{1}{2}');
    expect(cheerio.load(second.html)('.katex-html').text()).not.toContain('BROKEN');
  });

  it('never makes a live link from TeX', () => {
    const { html } = render('$\\href{javascript:alert(1)}{x}$ and $\\url{javascript:alert(2)}$');
    expect(cheerio.load(html)('a')).toHaveLength(0);
  });

  it('shows raw HTML as text', () => {
    const { html } = render('<script>alert(1)</script> <img src=x onerror=alert(2)> <b>bold</b>');
    const $ = cheerio.load(html);
    expect($('script, img, b')).toHaveLength(0);
    expect($('p').text()).toContain('<script>alert(1)</script>');
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd'])(
    'never makes a link to %s',
    (url) => {
      const $ = cheerio.load(render(`[click](${url}) and <${url}>`).html);
      expect($('a')).toHaveLength(0);
    },
  );

  it('links http(s) URLs, written or bare', () => {
    const $ = cheerio.load(render('See [code](https://github.com/x/y) or https://example.org/z.').html);
    expect($('a').map((_, a) => $(a).attr('href')).get()).toEqual(['https://github.com/x/y', 'https://example.org/z']);
  });

  it('renders images as text and headings as paragraphs (a page has one h1)', () => {
    const $ = cheerio.load(render('# Heading\n\n![tracker](https://evil.example/p.png)').html);
    expect($('img, h1, h2')).toHaveLength(0);
    expect($('p').first().text()).toBe('# Heading');
  });

  it('keeps TeX as written in the plain text', () => {
    expect(render('Let $\\alpha_1$ be \\(x\\) and $$y$$\nthen.').text).toBe('Let $\\alpha_1$ be \\(x\\) and $$y$$ then.');
    expect(render('Display:\n\n$$\nz\n$$').text).toBe('Display:\n\n$$z$$');
  });

  it('keeps template syntax as text', () => {
    const { html, text } = render('Use {{ x }} and {% raw %} here.');
    expect(text).toBe('Use {{ x }} and {% raw %} here.');
    expect(cheerio.load(html)('p').text()).toBe(text);
  });
});

describe('a renderer rendering the same formula again', () => {
  const abstract = 'Let $\\gdef\\foo{x}\\foo$ and $\\foo$ hold for $\\alpha \\sim 2$, $\\alpha \\sim 2$ and $\\frac{1}{$, twice $\\frac{1}{$.\n\n$$\\alpha \\sim 2$$';

  it('writes exactly what a fresh renderer writes, every time, and warns for every bad occurrence', () => {
    for (const output of ['html', 'mathml'] as const) {
      const reused = createMarkdown(output);
      const first = renderAbstract(reused, abstract);
      const again = renderAbstract(reused, abstract);
      const fresh = renderAbstract(createMarkdown(output), abstract);
      expect(first).toEqual(fresh);
      expect(again).toEqual(fresh);
      // \gdef in one formula never reaches another: `\foo` alone is undefined each time.
      expect(fresh.warnings).toEqual([
        'formula $\\foo$ is shown as source: KaTeX: Undefined control sequence: \\foo',
        "formula $\\frac{1}{$ is shown as source: KaTeX: Unexpected end of input in a macro argument, expected '}'",
        "formula $\\frac{1}{$ is shown as source: KaTeX: Unexpected end of input in a macro argument, expected '}'",
      ]);
      const $ = cheerio.load(fresh.html);
      expect($('.katex').length + $('math').length).toBeGreaterThan(0);
      expect($('.math-display').length).toBe(1);
    }
  });
});

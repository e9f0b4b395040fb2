import { describe, expect, it } from 'vitest';
import { cdata, el, escapeXmlAttr, escapeXmlText, serializeXml, writeCdata } from '../src/xml.ts';
import { child, parseXml } from './helpers/xml-tree.ts';

/** Every code point class that matters: markup, references, CDATA ends, controls, noncharacters, lone surrogates, astral. */
const NASTY = 'a <b>&amp; "q" \'s\' ]]> ]]> {x} \t\n\r \u0000\u0001\u0008\u000B\u001F\u007F\u0085 \uFFFE\uFFFF\uFDD0 \uD800 \uDC00 🚀 é';
const CLEAN = 'a <b>&amp; "q" \'s\' ]]> ]]> {x} \t\n\r     🚀 é';

describe('the XML writer', () => {
  it('writes text that a conforming parser reads back exactly, minus the characters XML forbids', () => {
    const xml = serializeXml(el('root', {}, el('text', {}, NASTY)));
    expect(child(parseXml(xml).root, 'text').text).toBe(CLEAN.replace('\r', '\n'));
  });

  it('writes attribute values that a parser reads back exactly, whitespace included', () => {
    const xml = serializeXml(el('root', { value: NASTY }));
    expect(parseXml(xml).root.attrs.value).toBe(CLEAN);
  });

  it('never lets text close an element, open one, or end a CDATA section', () => {
    expect(escapeXmlText('</a><b x="1">]]>')).toBe('&lt;/a&gt;&lt;b x="1"&gt;]]&gt;');
    expect(escapeXmlAttr('" onload="x')).toBe('&quot; onload=&quot;x');
  });

  it('writes &, < and > as hexadecimal references when asked (RSS Best Practices Profile)', () => {
    expect(escapeXmlText('AT&T <3 a>b', 'hex')).toBe('AT&#x26;T &#x3C;3 a&#x3E;b');
    const xml = serializeXml(el('t', {}, 'AT&T <3'), { charRefs: 'hex' });
    expect(parseXml(xml).root.text).toBe('AT&T <3');
  });

  it('writes CDATA sections that a parser reads back exactly, ]]> any number of times included', () => {
    const text = '<p>a]]>b</p> ]]> ]]]]> <![CDATA[ x';
    const xml = serializeXml(el('a', {}, el('h', {}, cdata(`${text}\u0001\uFFFE`))));
    expect(child(parseXml(xml).root, 'h').text).toBe(text);
    expect(writeCdata('x]]>y')).toBe('<![CDATA[x]]]]><![CDATA[>y]]>');
  });

  it('indents element-only content and keeps text and mixed content on one line, unchanged', () => {
    const xml = serializeXml(el('a', { x: '1' }, el('b', {}, 'text'), el('c'), el('d', {}, 'one ', el('e', {}, 'two'), ' three')));
    expect(xml).toBe('<?xml version="1.0" encoding="utf-8"?>\n<a x="1">\n  <b>text</b>\n  <c/>\n  <d>one <e>two</e> three</d>\n</a>\n');
  });

  it('skips undefined attributes and false, undefined and empty children, and flattens lists', () => {
    const xml = serializeXml(el('a', { x: undefined, y: '2' }, false, undefined, [], [el('b'), el('c')]));
    expect(xml).toContain('<a y="2">\n  <b/>\n  <c/>\n</a>');
  });

  it('writes processing instructions after the declaration', () => {
    const parsed = parseXml(serializeXml(el('a'), { instructions: [['xml-stylesheet', 'type="text/xsl" href="/feed.xsl"']] }));
    expect(parsed.instructions).toEqual([{ target: 'xml-stylesheet', body: 'type="text/xsl" href="/feed.xsl"' }]);
  });

  it('refuses names that are not XML names and instructions that would end early', () => {
    expect(() => el('a b')).toThrow(/not an XML name/);
    expect(() => el('<script>')).toThrow(/not an XML name/);
    expect(() => serializeXml(el('a', { 'on load': 'x' }))).toThrow(/attribute name/);
    expect(() => serializeXml(el('a'), { instructions: [['x', 'a?>b']] })).toThrow(/processing instruction/);
  });
});

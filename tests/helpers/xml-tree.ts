/**
 * XML read with a conforming, namespace-aware parser (saxes): `parseXml` throws on anything that
 * is not well-formed XML 1.0 (forbidden characters included) and returns a small element tree
 * with namespace URIs, so tests assert structure rather than search text.
 */
import { SaxesParser } from 'saxes';

export interface XmlNode {
  /** `{namespace-uri}local`, or just `local` without a namespace. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export interface ParsedXml {
  root: XmlNode;
  instructions: { target: string; body: string }[];
}

const qualified = (uri: string | undefined, local: string) => (uri ? `{${uri}}${local}` : local);

export function parseXml(source: string): ParsedXml {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlNode[] = [];
  const instructions: ParsedXml['instructions'] = [];
  let root: XmlNode | undefined;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('processinginstruction', ({ target, body }) => instructions.push({ target, body }));
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix !== 'xmlns' && attr.name !== 'xmlns') attrs[qualified(attr.uri, attr.local)] = attr.value;
    }
    const node: XmlNode = { name: qualified(tag.uri, tag.local), attrs, children: [], text: '' };
    stack.at(-1)?.children.push(node);
    stack.push(node);
    root ??= node;
  });
  parser.on('text', (text) => {
    const node = stack.at(-1);
    if (node) node.text += text;
  });
  parser.on('cdata', (text) => {
    const node = stack.at(-1);
    if (node) node.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(source).close();
  if (!root) throw new Error('no root element');
  return { root, instructions };
}

/** Child elements of `node` with the given qualified name. */
export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((child) => child.name === name);
}

/** The first child element with the given qualified name; throws when there is none. */
export function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${node.name}> has no <${name}>`);
  return found;
}

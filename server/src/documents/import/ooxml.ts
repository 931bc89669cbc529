import { XMLParser } from 'fast-xml-parser';

/** One element of an OOXML part as fast-xml-parser returns it with `preserveOrder`: `{ tag: children, ':@': attributes }`. */
export type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Runs keep their spaces (xml:space="preserve"): "of " + "the" must stay "of the".
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  // Word writes characters as numeric references too ("&#8220;"); these decode them.
  htmlEntities: true,
});

/** OOXML never declares a DOCTYPE; one in an upload can only be an entity-expansion attack. */
export function parseXml(xml: string): XNode[] {
  if (/<!DOCTYPE/i.test(xml)) throw new Error('XML with a DOCTYPE is not accepted');
  return parser.parse(xml) as XNode[];
}

export function tagOf(node: XNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return null;
}

export function childrenOf(node: XNode): XNode[] {
  const tag = tagOf(node);
  const value = tag === null ? undefined : node[tag];
  return Array.isArray(value) ? (value as XNode[]) : [];
}

export function attr(node: XNode, name: string): string | undefined {
  const attributes = node[':@'] as Record<string, unknown> | undefined;
  const v = attributes?.[name];
  return typeof v === 'string' ? v : undefined;
}

export function textOf(node: XNode): string | null {
  const v = node['#text'];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

export function child(node: XNode, tag: string): XNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

/** The first element with `tag` anywhere under the nodes, depth first. */
export function find(nodes: readonly XNode[], tag: string): XNode | undefined {
  for (const n of nodes) {
    if (tagOf(n) === tag) return n;
    const inner = find(childrenOf(n), tag);
    if (inner) return inner;
  }
  return undefined;
}

/** Every element with `tag` under the nodes, in document order, not looking inside a match. */
export function findAll(nodes: readonly XNode[], tag: string, out: XNode[] = []): XNode[] {
  for (const n of nodes) {
    if (tagOf(n) === tag) out.push(n);
    else findAll(childrenOf(n), tag, out);
  }
  return out;
}

export const val = (node: XNode | undefined): string | undefined => (node ? attr(node, 'w:val') : undefined);

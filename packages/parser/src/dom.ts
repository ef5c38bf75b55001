import { load, type CheerioAPI } from 'cheerio/slim';
import { Parser } from 'htmlparser2';

/**
 * Loads HTML with htmlparser2 (cheerio's slim build, which also keeps bundles free of parse5
 * and its HTTP client) rather than cheerio's default parse5: several times faster
 * and it leaves fragments as written instead of wrapping them in a synthesised document.
 */
export function loadHtml(html: string): CheerioAPI {
  return load(html, { xml: { xmlMode: false, decodeEntities: true } });
}

/** An element of the match page's tree: only what the walks below read. */
export interface Element {
  type: 'tag';
  name: string;
  attribs: Record<string, string>;
  children: AnyNode[];
  parent: ParentNode | null;
}

export interface Text {
  type: 'text';
  data: string;
  parent: ParentNode;
}

export interface Document {
  type: 'root';
  children: AnyNode[];
  parent: null;
}

export type ParentNode = Element | Document;
export type AnyNode = Element | Text;

export const isTag = (node: AnyNode): node is Element => node.type === 'tag';

/**
 * The page as a tree, from htmlparser2's tokenizer (the same one cheerio's slim build uses,
 * with the same tag-closing rules) into plain objects. domhandler's node classes, which cheerio
 * builds, cost several times the tokenizing itself; comments and doctype carry nothing the
 * parser reads and are left out.
 */
export function loadDocument(html: string): Document {
  const document: Document = { type: 'root', children: [], parent: null };
  const open: ParentNode[] = [document];
  let top: ParentNode = document;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const element: Element = { type: 'tag', name, attribs, children: [], parent: top };
        top.children.push(element);
        open.push(element);
        top = element;
      },
      onclosetag() {
        if (open.length > 1) open.pop();
        top = open[open.length - 1] as ParentNode;
      },
      ontext(data) {
        const last = top.children[top.children.length - 1];
        if (last?.type === 'text') last.data += data;
        else top.children.push({ type: 'text', data, parent: top });
      },
    },
    { xmlMode: false, decodeEntities: true },
  );
  parser.end(html);
  return document;
}

/*
 * The match page is read with plain tree walks instead of CSS selector queries: cheerio
 * compiles every selector on every call, which cost more than the whole rest of the parse
 * and put a page far outside its 2 ms budget.
 */

/** The first element below `root`, in document order, that `matches`. */
export function findFirst(root: ParentNode, matches: (element: Element) => boolean): Element | undefined {
  for (const child of root.children) {
    if (!isTag(child)) continue;
    if (matches(child)) return child;
    const inside = findFirst(child, matches);
    if (inside) return inside;
  }
  return undefined;
}

/** Every element below `root`, in document order, that `matches` (not looking inside a match). */
export function findAll(
  root: ParentNode,
  matches: (element: Element) => boolean,
  found: Element[] = [],
): Element[] {
  for (const child of root.children) {
    if (!isTag(child)) continue;
    if (matches(child)) found.push(child);
    else findAll(child, matches, found);
  }
  return found;
}

/** The element's child elements, skipping text and comments. */
export function childElements(element: ParentNode): Element[] {
  return element.children.filter(isTag);
}

/** Whether the class attribute lists `name` (without splitting it, which allocates). */
export function hasClass(element: Element, name: string): boolean {
  const value = element.attribs.class;
  if (!value) return false;
  for (let at = value.indexOf(name); at !== -1; at = value.indexOf(name, at + 1)) {
    const end = at + name.length;
    if ((at === 0 || isSpaceAt(value, at - 1)) && (end === value.length || isSpaceAt(value, end)))
      return true;
  }
  return false;
}

export const withClass =
  (...names: string[]) =>
  (element: Element): boolean =>
    names.every((name) => hasClass(element, name));

/** The text of a node and everything inside it, like the browser's `textContent`. */
export function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  let text = '';
  for (const child of node.children) text += textOf(child);
  return text;
}

function isSpaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 32 || (code >= 9 && code <= 13);
}

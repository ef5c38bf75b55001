import { load, type CheerioAPI } from 'cheerio/slim';
import {
  hasChildren,
  isTag,
  isText,
  type AnyNode,
  type Document,
  type Element,
  type ParentNode,
} from 'domhandler';

/**
 * Loads HTML with htmlparser2 (cheerio's slim build, which also keeps bundles free of parse5
 * and its HTTP client) rather than cheerio's default parse5: several times faster
 * and it leaves fragments as written instead of wrapping them in a synthesised document.
 */
export function loadHtml(html: string): CheerioAPI {
  return load(html, { xml: { xmlMode: false, decodeEntities: true } });
}

/** The parsed document itself, for the match page's hand-rolled walks below. */
export function loadDocument(html: string): Document {
  return loadHtml(html).root()[0] as Document;
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
  if (isText(node)) return node.data;
  if (!hasChildren(node)) return '';
  let text = '';
  for (const child of node.children) text += textOf(child);
  return text;
}

function isSpaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 32 || (code >= 9 && code <= 13);
}

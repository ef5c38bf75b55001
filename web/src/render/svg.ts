const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes (numbers rounded to a tenth, enough at chart sizes), like `h`. */
export function svg<K extends keyof SVGElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Record<string, string | number> = {},
  ...children: (Node | string | null | false)[]
): SVGElementTagNameMap[K] {
  const element = doc.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes))
    element.setAttribute(name, typeof value === 'number' ? String(Math.round(value * 10) / 10) : value);
  for (const child of children) if (child) element.append(child);
  return element;
}

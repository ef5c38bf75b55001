type Child = Node | string | null | undefined | false;

/**
 * A tiny element builder: `h('td', { class: 'num' }, '34')`. Text goes in as text nodes, never
 * as HTML, so nothing in a scorecard (player names come from the league site) can inject markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/** A number cell's text: an em dash for "not recorded" rather than a misleading 0. */
export function figure(value: number | null | undefined, decimals = 0): string {
  if (value == null) return '–';
  return decimals ? value.toFixed(decimals) : String(value);
}

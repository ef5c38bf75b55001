const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an element body or a quoted attribute value. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** A figure cell's text: empty when the figure is not known yet. */
export function figure(value: number | null, decimals = 0): string {
  if (value === null) return '';
  return decimals > 0 ? value.toFixed(decimals) : String(value);
}

/**
 * Stable keys for the players of one list (batting or bowling order). Keys, not names, go into
 * state and event ids, so they must be URL- and id-safe; a repeated name (a father and son with
 * the same initials) gets "~2", "~3" so the two are never confused.
 */
export function playerKeys(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const slug = slugify(name) || 'player';
    const nth = (seen.get(slug) ?? 0) + 1;
    seen.set(slug, nth);
    return nth === 1 ? slug : `${slug}~${nth}`;
  });
}

/** "A Deegan" → "a-deegan"; accents are folded, everything else non-alphanumeric becomes "-". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

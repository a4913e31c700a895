/** The longest id the content pack accepts (contentPack.ts: 80 characters). */
export const maxIdLength = 80;

/** Lower-case ASCII slug: ä→ae, ö→oe, ü→ue, ß→ss, other accents dropped, everything else → dashes. */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .replaceAll('ä', 'ae')
      .replaceAll('ö', 'oe')
      .replaceAll('ü', 'ue')
      .replaceAll('ß', 'ss')
      // é → e etc.: decompose, then drop the combining marks.
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}

/**
 * `prefix` + slug, cut to the id length limit at a dash where possible so ids stay readable.
 * An empty slug (a name of only punctuation) yields `prefix` + `x`.
 */
export function idFromSlug(prefix: string, slug: string, limit = maxIdLength): string {
  const whole = `${prefix}${slug === '' ? 'x' : slug}`;
  if (whole.length <= limit) return whole;
  const cut = whole.slice(0, limit);
  const lastDash = cut.lastIndexOf('-');
  // Only cut at a dash that leaves more than the prefix; otherwise cut mid-word.
  return (lastDash > prefix.length ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3` … (kept within the length limit) — the first not in `taken`. */
export function uniqueId(base: string, taken: ReadonlySet<string>, limit = maxIdLength): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, limit - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

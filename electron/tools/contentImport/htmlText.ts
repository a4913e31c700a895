/**
 * HTML fragments of foreign data (DLDB fees, requirements) → plain text. The result is shown as
 * text, never as markup, so nothing here has to make HTML safe; it has to make it readable:
 * no tags, no script or style contents, entities decoded once, whitespace tidied.
 */

const namedEntities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  euro: '€',
  sect: '§',
  shy: '',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  bdquo: '„',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  middot: '·',
  bull: '•',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      // Control characters and surrogates are not text; drop them rather than emit broken strings.
      const printable = code >= 0x20 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) && !(code >= 0x7f && code < 0xa0);
      return printable ? String.fromCodePoint(code) : '';
    }
    return namedEntities[body] ?? whole;
  });
}

/** The plain text of an HTML fragment: one line per block (paragraph, list item, line break). */
export function htmlToPlainText(html: string): string {
  const withoutHidden = html.replace(/<!--[\s\S]*?(-->|$)/g, ' ').replace(/<(script|style|template)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, ' ');
  const withBreaks = withoutHidden.replace(/<(br|\/?p|\/?div|\/?li|\/?ul|\/?ol|\/?h[1-6]|\/?tr|\/?table)\b[^>]*>/gi, '\n');
  // Only real tags: a lone "<" in text ("< 5 Jahre") stays.
  const withoutTags = withBreaks.replace(/<\/?[a-z][^>]*>/gi, ' ');
  return decodeEntities(withoutTags)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Cuts text to `limit` characters at a word boundary, marking the cut with "…". */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

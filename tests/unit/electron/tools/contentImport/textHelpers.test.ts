import { describe, expect, it } from 'vitest';
import { clip, htmlToPlainText } from '#electron/tools/contentImport/htmlText';
import { idFromSlug, slugify, uniqueId } from '#electron/tools/contentImport/slug';

describe('slugify', () => {
  it('spells umlauts and ß out and turns everything else into single dashes', () => {
    expect(slugify('Unternehmensführung & -entwicklung')).toBe('unternehmensfuehrung-entwicklung');
    expect(slugify('(Drohender) Arbeitsplatzverlust & -suche')).toBe('drohender-arbeitsplatzverlust-suche');
    expect(slugify('Eheschließung – Öffentliches Café')).toBe('eheschliessung-oeffentliches-cafe');
  });

  it('cuts long ids at a dash and keeps them unique', () => {
    const id = idFromSlug('ozg-10513-', slugify('Antrag auf Erteilung einer wasserrechtlichen Genehmigung nach dem Wassergesetz des Landes'));
    expect(id.length).toBeLessThanOrEqual(80);
    expect(id).toBe('ozg-10513-antrag-auf-erteilung-einer-wasserrechtlichen-genehmigung-nach-dem');
    expect(uniqueId(id, new Set([id])).length).toBeLessThanOrEqual(80);
    expect(uniqueId('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});

describe('htmlToPlainText', () => {
  it('drops tags, scripts and comments, decodes entities once and keeps blocks as lines', () => {
    expect(htmlToPlainText('<p>Geb&uuml;hr: 12,&nbsp;&euro;</p><ul><li>bar</li><li>Karte</li></ul>')).toBe('Gebühr: 12, €\nbar\nKarte');
    expect(htmlToPlainText('a<script>alert("x")</script><!-- c --><style>p{}</style>b')).toBe('a b');
    expect(htmlToPlainText('&amp;lt;b&amp;gt; &lt;i&gt; &#8364; &#x20AC; &#0;')).toBe('&lt;b&gt; <i> € €');
    expect(htmlToPlainText('Kinder < 5 Jahre')).toBe('Kinder < 5 Jahre');
  });

  it('clips at a word boundary', () => {
    expect(clip('eins zwei drei vier', 12)).toBe('eins zwei…');
    expect(clip('kurz', 12)).toBe('kurz');
  });
});

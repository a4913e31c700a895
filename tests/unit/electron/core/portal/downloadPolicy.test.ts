import { describe, expect, it } from 'vitest';
import { decideDownload } from '#core/portal/downloadPolicy';

const printing = { printPdfs: true };
const noPrinting = { printPdfs: false };

describe('decideDownload', () => {
  it('offers a PDF for printing when the tile allows it', () => {
    expect(decideDownload({ mimeType: 'application/pdf', filename: 'Antrag.pdf', tile: printing })).toEqual({ action: 'offer-print' });
    expect(decideDownload({ mimeType: 'Application/PDF; charset=binary', filename: 'bescheid', tile: printing })).toEqual({ action: 'offer-print' });
  });

  it('refuses a PDF when the tile does not print', () => {
    expect(decideDownload({ mimeType: 'application/pdf', filename: 'Antrag.pdf', tile: noPrinting })).toEqual({ action: 'refuse', reason: 'printing-off' });
  });

  it.each([
    ['a .pdf name with another type', 'application/octet-stream', 'Antrag.pdf'],
    ['a .pdf name disguising HTML', 'text/html', 'Antrag.pdf'],
    ['a .pdf name disguising a program', 'application/x-msdownload', 'Antrag.pdf.exe'],
    ['a .pdf name without a type', '', 'Antrag.pdf'],
    ['an image', 'image/jpeg', 'foto.jpg'],
    ['an archive', 'application/zip', 'unterlagen.zip'],
    ['a type that merely contains pdf', 'application/pdf-signature', 'x.pdf'],
  ])('refuses %s', (_label, mimeType, filename) => {
    expect(decideDownload({ mimeType, filename, tile: printing })).toEqual({ action: 'refuse', reason: 'not-pdf' });
  });
});

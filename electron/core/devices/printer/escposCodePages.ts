import type { PrinterCodePage } from '#shared/config/deviceConfig';

/**
 * Characters of the bytes 0x80–0xFF in the code pages the kiosk may configure; 0x20–0x7E are ASCII
 * in all of them. U+FFFD marks bytes a code page leaves undefined.
 */
const highHalves: Readonly<Record<PrinterCodePage, string>> = {
  cp437: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' + '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
  cp850: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐' + '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0',
  cp858: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐' + '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0',
  windows1252:
    '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿' +
    'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ',
};

/** Epson's numbering of ESC t n for these code pages (other vendors differ, hence the config). */
export const epsonCodePageNumbers: Readonly<Record<number, PrinterCodePage>> = { 0: 'cp437', 2: 'cp850', 16: 'windows1252', 19: 'cp858' };

/** The character a printer prints for `byte` (0x20–0xFF) in `codePage`; null for control bytes. */
export function codePageChar(codePage: PrinterCodePage, byte: number): string | null {
  if (byte >= 0x20 && byte < 0x7f) return String.fromCharCode(byte);
  if (byte >= 0x80 && byte <= 0xff) return highHalves[codePage].charAt(byte - 0x80);
  return null;
}

const reverse = new Map<PrinterCodePage, ReadonlyMap<string, number>>();

/** The byte that prints `char` in `codePage` (printable ASCII or the high half); null when it has none. */
export function codePageByte(codePage: PrinterCodePage, char: string): number | null {
  const code = char.charCodeAt(0);
  if (char.length === 1 && code >= 0x20 && code < 0x7f) return code;
  let table = reverse.get(codePage);
  if (!table) {
    const half = highHalves[codePage];
    table = new Map(Array.from({ length: half.length }, (_, i) => [half.charAt(i), 0x80 + i] as const).filter(([c]) => c !== '\ufffd'));
    reverse.set(codePage, table);
  }
  return table.get(char) ?? null;
}

import type { TFunction } from 'i18next';
import type { Receipt } from '#shared/devices/receipt';

/**
 * The staff test print: terminal, time, the code page check line and a QR code. Printed in German:
 * the receipt printer's code page has no Arabic, Persian or Cyrillic letters.
 */
export function testReceipt(t: TFunction, terminal: { readonly id: string; readonly name: string }, time: string): Receipt {
  return {
    blocks: [
      { type: 'text', text: t('testReceipt.title'), bold: true, size: 'large', align: 'center' },
      { type: 'rule' },
      { type: 'text', text: t('testReceipt.terminal', { name: terminal.name, id: terminal.id }) },
      { type: 'text', text: t('testReceipt.time', { time }) },
      { type: 'text', text: t('testReceipt.charset') },
      { type: 'qr', payload: `kiosk-terminal:${terminal.id}` },
      { type: 'text', text: t('testReceipt.qr'), align: 'center' },
    ],
  };
}

import { describe, expect, it } from 'vitest';
import { decideFileChooser } from '#core/portal/fileChooserPolicy';

describe('decideFileChooser', () => {
  it('refuses a file chooser when the tile has no scan folder', () => {
    expect(decideFileChooser({ uploadFolder: null })).toEqual({ action: 'refuse', reason: 'no-upload-folder' });
  });

  it('limits a file chooser to the scan folder when the tile has one', () => {
    expect(decideFileChooser({ uploadFolder: '/srv/kiosk/scans' })).toEqual({ action: 'limit', folder: '/srv/kiosk/scans' });
  });
});

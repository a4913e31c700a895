import { describe, expect, it } from 'vitest';
import { decidePopup } from '#core/portal/popupPolicy';

const tile = { origins: ['https://portal.example.de', 'https://id.bund.de'] };

describe('decidePopup', () => {
  it('opens a popup to an allowed origin in the same view', () => {
    expect(decidePopup('https://portal.example.de/hilfe', tile)).toEqual({ action: 'same-view', url: 'https://portal.example.de/hilfe' });
    expect(decidePopup('https://ID.BUND.DE:443/login', tile)).toEqual({ action: 'same-view', url: 'https://id.bund.de/login' });
  });

  it('denies a popup to a foreign origin, with its URL for the QR code', () => {
    expect(decidePopup('https://www.facebook.com/sharer.php?u=x', tile)).toEqual({
      action: 'deny',
      reason: 'foreign-origin',
      url: 'https://www.facebook.com/sharer.php?u=x',
    });
  });

  it('denies a popup to a look-alike host', () => {
    expect(decidePopup('https://portal.example.de.evil.test/', tile)).toMatchObject({ action: 'deny', reason: 'foreign-origin' });
    expect(decidePopup('https://portal.example.de@evil.test/', tile)).toMatchObject({ action: 'deny', reason: 'foreign-origin' });
  });

  it.each(['about:blank', '', 'javascript:void(0)', 'data:text/html,x', 'blob:https://portal.example.de/uuid', 'file:///etc/passwd'])(
    'denies a popup to %j',
    (url) => {
      expect(decidePopup(url, tile)).toMatchObject({ action: 'deny' });
      expect(decidePopup(url, tile)).not.toHaveProperty('url');
    },
  );

  it('leaves eID client popups to eID sign-in, not to the portal tile', () => {
    expect(decidePopup('http://127.0.0.1:24727/eID-Client?tcTokenURL=x', tile)).toEqual({
      action: 'deny',
      reason: 'eid',
      url: 'http://127.0.0.1:24727/eID-Client?tcTokenURL=x',
    });
  });
});

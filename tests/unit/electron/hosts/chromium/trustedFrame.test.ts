import { describe, expect, it } from 'vitest';
import { isTrustedKioskFrame } from '#electron/hosts/chromium/trustedFrame';

interface FakeFrame {
  url(): string;
}
interface FakePage {
  mainFrame(): FakeFrame;
}

const kioskOrigin = 'http://127.0.0.1:41234';

function frame(url: string): FakeFrame {
  return { url: () => url };
}
function page(main: FakeFrame): FakePage {
  return { mainFrame: () => main };
}

describe('isTrustedKioskFrame', () => {
  it('trusts the kiosk page’s main frame on the kiosk origin', () => {
    const main = frame(`${kioskOrigin}/`);
    const kioskPage = page(main);
    expect(isTrustedKioskFrame({ sourcePage: kioskPage, sourceFrame: main, kioskPage, kioskOrigin })).toBe(true);
  });

  it('rejects an iframe of the kiosk page, even on the kiosk origin', () => {
    const kioskPage = page(frame(`${kioskOrigin}/`));
    const iframe = frame(`${kioskOrigin}/embedded.html`);
    expect(isTrustedKioskFrame({ sourcePage: kioskPage, sourceFrame: iframe, kioskPage, kioskOrigin })).toBe(false);
  });

  it('rejects another page (a popup or portal page) and a call without a page', () => {
    const main = frame(`${kioskOrigin}/`);
    const kioskPage = page(main);
    const other = page(main);
    expect(isTrustedKioskFrame({ sourcePage: other, sourceFrame: main, kioskPage, kioskOrigin })).toBe(false);
    expect(isTrustedKioskFrame({ sourcePage: null, sourceFrame: main, kioskPage, kioskOrigin })).toBe(false);
  });

  it.each([
    'https://portal.example/',
    'http://127.0.0.1:41235/',
    'http://localhost:41234/',
    'http://127.0.0.1:41234.evil.com/',
    'about:blank',
    'data:text/html,x',
    'not a url',
  ])('rejects the kiosk main frame after it navigated to %s', (url) => {
    const main = frame(url);
    const kioskPage = page(main);
    expect(isTrustedKioskFrame({ sourcePage: kioskPage, sourceFrame: main, kioskPage, kioskOrigin })).toBe(false);
  });
});

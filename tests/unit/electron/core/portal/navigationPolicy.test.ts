import { describe, expect, it } from 'vitest';
import { decideNavigation, type NavigationContext } from '#core/portal/navigationPolicy';

const tile = {
  origins: ['https://portal.example.de', 'https://id.bund.de', 'https://xn--mnchen-3ya.de', 'https://pay.example.de:8443', 'http://127.0.0.1:4711'],
};
const main: NavigationContext = { frame: 'main' };
const sub: NavigationContext = { frame: 'sub' };

describe('decideNavigation: allowed origins', () => {
  it.each(['https://portal.example.de/', 'https://portal.example.de/antrag?step=2#top', 'https://id.bund.de/de/login', 'http://127.0.0.1:4711/test-portal/'])(
    'allows %s in the main frame and in subframes',
    (url) => {
      expect(decideNavigation(url, tile, main)).toEqual({ allow: true });
      expect(decideNavigation(url, tile, sub)).toEqual({ allow: true });
    },
  );

  it('compares hosts case-insensitively, as URL lower-cases them', () => {
    expect(decideNavigation('https://PORTAL.Example.DE/Antrag', tile, main)).toEqual({ allow: true });
  });

  it('treats the default port as no port (https://x:443 is https://x)', () => {
    expect(decideNavigation('https://portal.example.de:443/', tile, main)).toEqual({ allow: true });
  });

  it('needs a non-default port to match exactly', () => {
    expect(decideNavigation('https://pay.example.de:8443/checkout', tile, main)).toEqual({ allow: true });
    expect(decideNavigation('https://pay.example.de/checkout', tile, main)).toMatchObject({ allow: false, reason: 'foreign-origin' });
    expect(decideNavigation('https://portal.example.de:8443/', tile, main)).toMatchObject({ allow: false, reason: 'foreign-origin' });
    expect(decideNavigation('http://127.0.0.1:4712/', tile, main)).toMatchObject({ allow: false, reason: 'foreign-origin' });
  });

  it('matches internationalized host names through punycode, either way they are written', () => {
    expect(decideNavigation('https://münchen.de/service', tile, main)).toEqual({ allow: true });
    expect(decideNavigation('https://MÜNCHEN.de/service', tile, main)).toEqual({ allow: true });
    expect(decideNavigation('https://xn--mnchen-3ya.de/service', tile, main)).toEqual({ allow: true });
    expect(decideNavigation('https://xn--mnchen-3ya.de/', { origins: ['https://münchen.de'] }, main)).toEqual({ allow: true });
  });

  it('refuses a homograph that only looks like an allowed host', () => {
    // Cyrillic "р" and "о" instead of Latin letters.
    expect(decideNavigation('https://\u0440\u043Ertal.example.de/', tile, main)).toMatchObject({ allow: false, reason: 'foreign-origin' });
  });

  it('accepts allowed origins written in another form in the tile (they are normalized too)', () => {
    expect(decideNavigation('https://portal.example.de/x', { origins: ['HTTPS://Portal.Example.de:443/'] }, main)).toEqual({ allow: true });
  });
});

describe('decideNavigation: look-alikes and foreign origins', () => {
  it.each([
    ['a longer host ending in another domain', 'https://portal.example.de.evil.test/'],
    ['the allowed host as user info', 'https://portal.example.de@evil.test/'],
    ['the allowed host as user info with a password', 'https://portal.example.de:443@evil.test/'],
    ['the allowed host in the path', 'https://evil.test/portal.example.de'],
    ['the allowed host after a backslash', 'https://evil.test\\portal.example.de'],
    ['the allowed host in the query', 'https://evil.test/?u=https://portal.example.de/'],
    ['a prefix of the allowed host', 'https://example.de/'],
    ['a subdomain of the allowed host', 'https://www.portal.example.de/'],
    ['a host with a trailing dot', 'https://portal.example.de./'],
    ['a host split by a newline', 'https://portal.example.de\n.evil.test/'],
    ['plain http to an https origin', 'http://portal.example.de/'],
    ['wss to an allowed host', 'wss://portal.example.de/'],
  ])('refuses %s', (_label, url) => {
    const decision = decideNavigation(url, tile, main);
    expect(decision.allow).toBe(false);
    expect(decision).toMatchObject({ reason: url.startsWith('wss:') ? 'scheme' : 'foreign-origin' });
    expect(decideNavigation(url, tile, sub).allow).toBe(false);
  });

  it('hands the foreign URL back for the QR code, without user name and password', () => {
    expect(decideNavigation('https://www.bundesregierung.de/x?y=1', tile, main)).toEqual({
      allow: false,
      reason: 'foreign-origin',
      url: 'https://www.bundesregierung.de/x?y=1',
    });
    expect(decideNavigation('https://portal.example.de:secret@evil.test/', tile, main)).toEqual({
      allow: false,
      reason: 'foreign-origin',
      url: 'https://evil.test/',
    });
  });

  it('refuses user info even on an allowed origin', () => {
    expect(decideNavigation('https://user:pw@portal.example.de/', tile, main)).toEqual({ allow: false, reason: 'malformed' });
    expect(decideNavigation('https://user@portal.example.de/', tile, sub)).toEqual({ allow: false, reason: 'malformed' });
  });

  it('refuses everything for a tile without origins', () => {
    expect(decideNavigation('https://portal.example.de/', { origins: [] }, main)).toMatchObject({ allow: false, reason: 'foreign-origin' });
  });
});

describe('decideNavigation: redirects', () => {
  // Hosts call the policy for every redirect hop with the hop's target URL.
  it('refuses a redirect from an allowed page to a foreign origin', () => {
    const hops = ['https://portal.example.de/login', 'https://id.bund.de/saml', 'https://tracker.evil.test/collect', 'https://portal.example.de/done'];
    expect(hops.map((hop) => decideNavigation(hop, tile, { frame: 'main', initiator: 'https://portal.example.de' }).allow)).toEqual([true, true, false, true]);
  });

  it('refuses a redirect to a look-alike host in a subframe', () => {
    expect(decideNavigation('https://id.bund.de.evil.test/saml', tile, { frame: 'sub', initiator: 'https://portal.example.de' })).toMatchObject({
      allow: false,
      reason: 'foreign-origin',
    });
  });
});

describe('decideNavigation: schemes', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:application/pdf;base64,JVBERi0=',
    'file:///etc/passwd',
    'file:///home/kiosk/',
    'filesystem:https://portal.example.de/temporary/x',
    'view-source:https://portal.example.de/',
    'chrome://settings',
    'kiosk://app/index.html',
    'mailto:buergerservice@jena.de',
    'ftp://portal.example.de/',
  ])('refuses %s in both frames', (url) => {
    expect(decideNavigation(url, tile, main)).toEqual({ allow: false, reason: 'scheme' });
    expect(decideNavigation(url, tile, sub)).toEqual({ allow: false, reason: 'scheme' });
  });

  it('allows about:blank only in subframes', () => {
    expect(decideNavigation('about:blank', tile, sub)).toEqual({ allow: true });
    expect(decideNavigation('about:blank#x', tile, sub)).toEqual({ allow: true });
    expect(decideNavigation('about:blank', tile, main)).toEqual({ allow: false, reason: 'scheme' });
  });

  it.each(['about:srcdoc', 'about:blank?x=1', 'about:config', 'about:settings'])('refuses %s', (url) => {
    expect(decideNavigation(url, tile, sub)).toEqual({ allow: false, reason: 'scheme' });
    expect(decideNavigation(url, tile, main)).toEqual({ allow: false, reason: 'scheme' });
  });

  it('refuses blob: in the main frame, even from an allowed origin', () => {
    expect(decideNavigation('blob:https://portal.example.de/0d3c5b7e-3f5e-4c3a-9c1e-2a1f0b9d8e7f', tile, main)).toEqual({ allow: false, reason: 'scheme' });
  });

  it('allows blob: in a subframe only when it was created by an allowed origin', () => {
    expect(decideNavigation('blob:https://portal.example.de/0d3c5b7e', tile, sub)).toEqual({ allow: true });
    expect(decideNavigation('blob:https://evil.test/0d3c5b7e', tile, sub)).toEqual({ allow: false, reason: 'scheme' });
    expect(decideNavigation('blob:null/0d3c5b7e', tile, sub)).toEqual({ allow: false, reason: 'scheme' });
    expect(decideNavigation('blob:https://portal.example.de.evil.test/0d3c5b7e', tile, sub)).toEqual({ allow: false, reason: 'scheme' });
  });
});

describe('decideNavigation: malformed URLs', () => {
  it.each(['', 'not a url', '/relative/path', 'https://', 'https://exa mple.de/', 'http://[::1/'])('refuses %j as malformed', (url) => {
    expect(decideNavigation(url, tile, main)).toEqual({ allow: false, reason: 'malformed' });
  });
});

describe('decideNavigation: eID', () => {
  it.each([
    'eid://127.0.0.1:24727/eID-Client?tcTokenURL=https%3A%2F%2Fid.bund.de%2Ftc',
    'http://127.0.0.1:24727/eID-Client?tcTokenURL=https%3A%2F%2Fid.bund.de%2Ftc',
    'http://localhost:24727/eID-Client?tcTokenURL=x',
    'http://[::1]:24727/eID-Client',
    'http://127.0.0.1:24727/eID-Client/../other',
  ])('leaves %s to the eID client', (url) => {
    expect(decideNavigation(url, tile, main)).toEqual({ allow: false, reason: 'eid', url: new URL(url).href });
    expect(decideNavigation(url, tile, sub)).toMatchObject({ allow: false, reason: 'eid' });
  });

  it('recognizes the eID client even when a tile lists its origin', () => {
    expect(decideNavigation('http://127.0.0.1:24727/eID-Client', { origins: ['http://127.0.0.1:24727'] }, main)).toMatchObject({ reason: 'eid' });
  });
});

describe('decideNavigation: initiator', () => {
  it('allows navigations started by an allowed origin, an opaque origin or an about:blank frame', () => {
    for (const initiator of ['https://portal.example.de', 'https://id.bund.de/saml', 'null', 'about:blank']) {
      expect(decideNavigation('https://portal.example.de/next', tile, { frame: 'main', initiator })).toEqual({ allow: true });
    }
  });

  it('refuses navigations started by a foreign frame, even to an allowed origin', () => {
    expect(decideNavigation('https://portal.example.de/', tile, { frame: 'main', initiator: 'https://evil.test' })).toEqual({
      allow: false,
      reason: 'foreign-origin',
    });
    expect(decideNavigation('https://portal.example.de/', tile, { frame: 'sub', initiator: 'file:///tmp/x.html' })).toEqual({
      allow: false,
      reason: 'foreign-origin',
    });
    expect(decideNavigation('https://portal.example.de/', tile, { frame: 'sub', initiator: '::' })).toEqual({ allow: false, reason: 'malformed' });
  });

  it('judges the target first: a forbidden target keeps its own reason', () => {
    expect(decideNavigation('javascript:alert(1)', tile, { frame: 'main', initiator: 'https://portal.example.de' })).toEqual({
      allow: false,
      reason: 'scheme',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { decidePaused, decideRouted, fileNameOf, type PausedRequest } from '#electron/hosts/chromium/portal/requestGate';

const tile = { origins: ['https://portal.example.de', 'https://id.bund.de'] };
const main = 'MAIN';

function request(url: string, extra: Partial<PausedRequest> = {}): PausedRequest {
  return { requestId: 'r1', request: { url }, frameId: main, resourceType: 'Document', ...extra };
}

function response(url: string, status: number, headers: Record<string, string>, extra: Partial<PausedRequest> = {}): PausedRequest {
  return request(url, { responseStatusCode: status, responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })), ...extra });
}

describe('decidePaused: requests', () => {
  it('lets main-frame navigations to allowed origins through and marks the page as loading', () => {
    expect(decidePaused(request('https://portal.example.de/form'), tile, main)).toEqual({ action: 'continue', loadingMain: true });
    expect(decidePaused(request('https://id.bund.de/login', { frameId: 'SUB' }), tile, main)).toEqual({ action: 'continue', loadingMain: false });
  });

  it('blocks a main-frame navigation to a foreign origin or a look-alike, with the address', () => {
    expect(decidePaused(request('https://portal.example.de.evil.test/'), tile, main)).toEqual({
      action: 'block',
      frame: 'main',
      decision: { allow: false, reason: 'foreign-origin', url: 'https://portal.example.de.evil.test/' },
    });
  });

  it('blocks every redirect hop that leaves the allowlist (each hop arrives as a request of its own)', () => {
    const hops = ['https://portal.example.de/redirect', 'https://portal.example.de/hop', 'https://tracker.example.com/landing'];
    expect(hops.map((url) => decidePaused(request(url), tile, main).action)).toEqual(['continue', 'continue', 'block']);
  });

  it('blocks foreign subframes as subframes', () => {
    expect(decidePaused(request('https://ads.example.com/frame', { frameId: 'SUB' }), tile, main)).toMatchObject({ action: 'block', frame: 'sub' });
  });

  it.each(['javascript:alert(1)', 'data:text/html,<h1>x', 'file:///etc/passwd', 'blob:https://portal.example.de/1'])(
    'blocks a main-frame navigation to %s',
    (url) => {
      expect(decidePaused(request(url), tile, main)).toMatchObject({ action: 'block', frame: 'main', decision: { reason: 'scheme' } });
    },
  );

  it('leaves the eID client alone (its own flow, not a portal request), for documents and subresources alike', () => {
    expect(decidePaused(request('http://127.0.0.1:24727/eID-Client?tcTokenURL=x'), tile, main)).toMatchObject({ action: 'block', decision: { reason: 'eid' } });
    expect(decidePaused(request('http://127.0.0.1:24727/eID-Client', { resourceType: 'XHR' }), tile, main)).toMatchObject({
      action: 'block',
      decision: { reason: 'eid' },
    });
  });

  it.each([
    ['http://192.168.178.1/admin', 'Image'],
    ['http://127.0.0.1:9222/json/version', 'Fetch'],
    ['ws://10.0.0.2:1883/mqtt', 'WebSocket'],
  ])('blocks a subresource on the terminal or the local network, without the kiosk page for refused addresses: %s (%s)', (url, resourceType) => {
    expect(decidePaused(request(url, { resourceType }), tile, main)).toMatchObject({ action: 'block', frame: 'sub', decision: { reason: 'foreign-origin' } });
  });

  it('lets subresources from other origins through (portals use CDNs)', () => {
    expect(decidePaused(request('https://cdn.example.net/app.js', { resourceType: 'Script' }), tile, main)).toEqual({ action: 'continue' });
  });
});

describe('decidePaused: document responses', () => {
  const url = 'https://portal.example.de/doc';

  it('turns a PDF, an attachment or a type Chromium would not show into a download', () => {
    expect(decidePaused(response(url, 200, { 'Content-Type': 'application/pdf' }), tile, main)).toEqual({
      action: 'download',
      mimeType: 'application/pdf',
      filename: 'doc',
    });
    expect(
      decidePaused(response(url, 200, { 'content-type': 'text/html', 'content-disposition': 'attachment; filename="Antrag.html"' }), tile, main),
    ).toMatchObject({
      action: 'download',
      filename: 'Antrag.html',
    });
    expect(decidePaused(response(url, 200, { 'content-type': 'application/zip' }), tile, main)).toMatchObject({
      action: 'download',
      mimeType: 'application/zip',
    });
  });

  it('shows HTML, text and images in place', () => {
    for (const type of ['text/html; charset=utf-8', 'text/plain', 'image/png', 'application/xhtml+xml']) {
      expect(decidePaused(response(url, 200, { 'content-type': type }), tile, main)).toEqual({ action: 'continue' });
    }
  });

  it('reports a server error of the main frame, not of a subframe, and lets redirects pass to the next hop', () => {
    expect(decidePaused(response(url, 503, { 'content-type': 'text/html' }), tile, main)).toEqual({ action: 'server-error', url });
    expect(decidePaused(response(url, 500, { 'content-type': 'text/html' }, { frameId: 'SUB' }), tile, main)).toEqual({ action: 'continue' });
    expect(decidePaused(response(url, 302, { location: 'https://evil.test/' }), tile, main)).toEqual({ action: 'continue' });
  });
});

describe('fileNameOf', () => {
  it('reads filename*, then filename, then the last path segment', () => {
    expect(fileNameOf('attachment; filename="a.pdf"; filename*=UTF-8\'\'B%C3%A4r.pdf', 'https://x/y')).toBe('Bär.pdf');
    expect(fileNameOf('attachment; filename=Antrag.pdf', 'https://x/y')).toBe('Antrag.pdf');
    expect(fileNameOf('', 'https://x/docs/Bescheid%20neu.pdf')).toBe('Bescheid neu.pdf');
    expect(fileNameOf("attachment; filename*=UTF-8''%E0%A4", 'https://x/%E0%A4')).toBe('%E0%A4');
  });
});

describe('decideRouted: the context-wide gate behind the page’s own', () => {
  const routed = (url: string, extra: Partial<Parameters<typeof decideRouted>[0]> = {}) => ({
    url,
    navigation: false,
    mainFrame: false,
    ownedByPortalPage: true,
    ...extra,
  });

  it('lets nothing through before a tile is bound, nor anything of another window', () => {
    expect(decideRouted(routed('https://portal.example.de/'), null)).toBe('abort');
    expect(decideRouted(routed('https://portal.example.de/', { navigation: true, ownedByPortalPage: false }), tile)).toBe('abort');
  });

  it('applies the navigation policy to frames it sees (a frame in another process, say)', () => {
    expect(decideRouted(routed('https://evil.example/', { navigation: true }), tile)).toBe('abort');
    expect(decideRouted(routed('file:///etc/passwd', { navigation: true, mainFrame: true }), tile)).toBe('abort');
    expect(decideRouted(routed('https://id.bund.de/login', { navigation: true }), tile)).toBe('continue');
  });

  it('applies the local-network policy to every other request (workers included)', () => {
    expect(decideRouted(routed('http://192.168.0.10/printer'), tile)).toBe('abort');
    expect(decideRouted(routed('http://127.0.0.1:24727/eID-Client'), tile)).toBe('abort');
    expect(decideRouted(routed('https://cdn.example.net/app.js'), tile)).toBe('continue');
  });
});

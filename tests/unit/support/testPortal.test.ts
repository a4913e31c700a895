/** The end-to-end tests' stand-in portal answers as they expect, checked from Node without a browser. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { canaryStores, pdfText, startTestPortal, zipEntry, type TestPortal } from '#tests/support/testPortal';

let portal: TestPortal;

beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal.close();
});
beforeEach(() => portal.clear());

function get(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(portal.url(path), { redirect: 'manual', ...init });
}

describe('testPortal', () => {
  it('listens on two different ports of 127.0.0.1', () => {
    const portalUrl = new URL(portal.origin);
    const foreignUrl = new URL(portal.foreignOrigin);
    expect(portalUrl.hostname).toBe('127.0.0.1');
    expect(foreignUrl.hostname).toBe('127.0.0.1');
    expect(portalUrl.port).not.toBe(foreignUrl.port);
    expect(portal.url('/form')).toBe(`${portal.origin}/form`);
  });

  it.each(['/start', '/form', '/write?canary=CANARY-x', '/check', '/probe', '/link-foreign', '/downloads', '/dialogs', '/upload', '/camera'])(
    'serves %s as German HTML that is not cached',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toBeNull();
      const body = await res.text();
      expect(body).toContain('<html lang="de">');
      expect(body).not.toContain('${'); // an unfilled placeholder
    },
  );

  it('links every test page from /start', async () => {
    const body = await (await get('/start')).text();
    expect(body).toContain('<h1>Testportal</h1>');
    for (const path of ['/form', '/write', '/check', '/probe', '/downloads', '/dialogs', '/upload', '/camera', '/link-foreign']) {
      expect(body).toContain(`href="${path}`);
    }
  });

  it('puts labelled form fields below a tall intro and echoes what was submitted', async () => {
    const form = await (await get('/form')).text();
    for (const [id, type] of [
      ['name', 'text'],
      ['email', 'email'],
      ['persons', 'number'],
    ] as const) {
      expect(form).toContain(`<label for="${id}">`);
      expect(form).toContain(`<input id="${id}" name="${id}" type="${type}"`);
    }
    expect(form).toContain('<textarea id="message"');
    expect(form.indexOf('class="intro"')).toBeLessThan(form.indexOf('<form'));
    expect(form).toContain('.intro { min-height: 70vh; }');

    const query = new URLSearchParams({ name: 'Jürgen Groß', email: 'j@example.org', persons: '3', message: 'مرحبا <b>' });
    const submitted = await (await get(`/submitted?${query.toString()}`)).text();
    expect(submitted).toContain('<dd id="submitted-name">Jürgen Groß</dd>');
    expect(submitted).toContain('<dd id="submitted-message">مرحبا &#60;b&#62;</dd>');
    expect(portal.reports('submitted')).toEqual([
      { page: 'submitted', origin: 'portal', values: { name: 'Jürgen Groß', email: 'j@example.org', persons: '3', message: 'مرحبا <b>' } },
    ]);
  });

  it('refuses /write without a canary', async () => {
    expect((await get('/write')).status).toBe(400);
  });

  it('sets a readable and an HttpOnly cookie and echoes the Cookie header', async () => {
    const res = await get('/set-cookie?canary=CANARY-c1');
    expect(res.headers.getSetCookie()).toEqual([
      'canary_http=CANARY-c1; Path=/; Max-Age=3600; SameSite=Lax',
      'canary_httponly=CANARY-c1; Path=/; Max-Age=3600; SameSite=Lax; HttpOnly',
    ]);
    expect(await (await get('/cookie-echo', { headers: { Cookie: 'a=b' } })).text()).toBe('a=b');
    expect(portal.requests().at(-1)?.cookie).toBe('a=b');
  });

  it('serves the service worker script and a 404 /sw-canary when no worker answers', async () => {
    const sw = await get('/sw.js?canary=CANARY-s');
    expect(sw.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await sw.text()).toContain("addEventListener('fetch'");
    const fallback = await get('/sw-canary');
    expect(fallback.status).toBe(404);
    expect(await fallback.text()).not.toContain('CANARY-');
  });

  it('challenges /auth without credentials, accepts it with them, and records which requests carried them', async () => {
    const challenged = await get('/auth');
    expect(challenged.status).toBe(401);
    expect(challenged.headers.get('www-authenticate')).toBe('Basic realm="canary"');

    const authorization = `Basic ${Buffer.from('citizen:CANARY-a1').toString('base64')}`;
    expect((await get('/auth', { headers: { Authorization: authorization } })).status).toBe(200);

    const probe = await get('/auth?probe=1', { headers: { Authorization: authorization } });
    expect(probe.status).toBe(200);
    expect(await probe.json()).toEqual({ authorization: true, user: 'citizen', password: 'CANARY-a1' });
    const bareProbe = await get('/auth-probe');
    expect(bareProbe.status).toBe(200); // never challenges: only cached credentials may arrive
    expect(await bareProbe.json()).toEqual({ authorization: false, user: null, password: null });

    expect(portal.requests().map((r) => [r.origin, r.method, r.path, r.authorization])).toEqual([
      ['portal', 'GET', '/auth', false],
      ['portal', 'GET', '/auth', true],
      ['portal', 'GET', '/auth?probe=1', true],
      ['portal', 'GET', '/auth-probe', false],
    ]);
  });

  it('makes /http-cache cacheable and echoes the canary header', async () => {
    const res = await get('/http-cache', { headers: { 'X-Canary': 'CANARY-h' } });
    expect(res.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(await res.text()).toBe('CANARY-h');
  });

  it('keeps posted reports in order, tagged with the origin, and rejects unknown ones', async () => {
    const post = (origin: string, body: unknown): Promise<Response> =>
      fetch(`${origin}/report`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const found = Object.fromEntries(canaryStores.map((s) => [s, []]));
    expect((await post(portal.origin, { page: 'check', found, errors: {} })).status).toBe(204);
    expect(
      (await post(portal.foreignOrigin, { page: 'probe', kiosk: 'undefined', kioskBridge: 'undefined', kioskDeliver: 'undefined', matchingGlobals: [] }))
        .status,
    ).toBe(204);
    expect((await post(portal.origin, { page: 'nonsense' })).status).toBe(400);
    expect((await fetch(portal.url('/report'))).status).toBe(405);

    expect(portal.reports().map((r) => [r.page, r.origin])).toEqual([
      ['check', 'portal'],
      ['probe', 'foreign'],
    ]);
    expect(portal.reports('check')[0]?.found.cookie).toEqual([]);
    await expect(portal.waitForReport('probe', { timeoutMs: 100 })).resolves.toMatchObject({ origin: 'foreign' });

    const later = portal.waitForReport('dialogs', { timeoutMs: 2000, predicate: (r) => r.answer === true });
    await post(portal.origin, { page: 'dialogs', dialog: 'confirm', answer: false });
    await post(portal.origin, { page: 'dialogs', dialog: 'confirm', answer: true });
    await expect(later).resolves.toMatchObject({ dialog: 'confirm', answer: true });
    await expect(portal.waitForReport('camera', { timeoutMs: 50 })).rejects.toThrow(/no 'camera' report/);

    expect(portal.requests('foreign').map((r) => r.path)).toEqual(['/report']);
    portal.clear();
    expect(portal.reports()).toEqual([]);
    expect(portal.requests()).toEqual([]);
  });

  it('redirects to the foreign origin directly and through a chain', async () => {
    const direct = await get('/redirect-foreign');
    expect(direct.status).toBe(302);
    expect(direct.headers.get('location')).toBe(`${portal.foreignOrigin}/landing`);

    const first = await get('/redirect-chain');
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/hop');
    const hop = await get('/hop');
    expect(hop.status).toBe(302);
    expect(hop.headers.get('location')).toBe(`${portal.foreignOrigin}/landing`);

    const landing = await fetch(`${portal.foreignOrigin}/landing`);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain('<span id="origin-name">foreign</span>');
  });

  it('links the foreign origin from /link-foreign, in place and as a popup', async () => {
    const body = await (await get('/link-foreign')).text();
    expect(body).toContain(`<a id="foreign-link" href="${portal.foreignOrigin}/landing">`);
    expect(body).toContain(`<a id="foreign-popup" href="${portal.foreignOrigin}/landing" target="_blank">`);
    expect(body).toContain('id="popup-allowed"');
  });

  it('serves a PDF attachment whose xref table points at every object', async () => {
    const res = await get('/document.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Antrag.pdf"');
    const pdf = Buffer.from(await res.arrayBuffer());
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);

    const startxref = /startxref\n(\d+)\n%%EOF\n$/.exec(text);
    const xrefOffset = Number(startxref?.[1]);
    expect(text.slice(xrefOffset, xrefOffset + 5)).toBe('xref\n');
    const xref = /^xref\n0 (\d+)\n/.exec(text.slice(xrefOffset));
    const count = Number(xref?.[1]);
    expect(count).toBe(6);
    const entriesStart = xrefOffset + (xref?.[0].length ?? 0);
    for (let n = 0; n < count; n++) {
      const entry = text.slice(entriesStart + n * 20, entriesStart + (n + 1) * 20);
      expect(entry).toMatch(n === 0 ? /^0000000000 65535 f \n$/ : /^\d{10} 00000 n \n$/);
      if (n > 0) expect(text.slice(Number(entry.slice(0, 10))).startsWith(`${n} 0 obj\n`)).toBe(true);
    }
    expect(text.slice(entriesStart + count * 20)).toMatch(/^trailer\n<< \/Size 6 \/Root 1 0 R >>\nstartxref\n/);

    const stream = /<< \/Length (\d+) >>\nstream\n/.exec(text);
    const streamStart = (stream?.index ?? 0) + (stream?.[0].length ?? 0);
    const length = Number(stream?.[1]);
    expect(text.slice(streamStart + length, streamStart + length + 9)).toBe('endstream');
    expect(text.slice(streamStart, streamStart + length)).toContain(`(${pdfText}) Tj`);

    const inline = await get('/document.pdf?inline=1');
    expect(inline.headers.get('content-disposition')).toBe('inline; filename="Antrag.pdf"');
  });

  it('serves a ZIP attachment with one stored file', async () => {
    const res = await get('/download-zip');
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Unterlagen.zip"');
    const zip = Buffer.from(await res.arrayBuffer());
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    const nameLength = zip.readUInt16LE(26);
    expect(zip.toString('utf8', 30, 30 + nameLength)).toBe(zipEntry.name);
    const data = zip.subarray(30 + nameLength, 30 + nameLength + zip.readUInt32LE(18));
    expect(data.toString('utf8')).toBe(zipEntry.text);
    expect(zip.readUInt32LE(14)).toBe(crc32(data));

    const end = zip.length - 22;
    expect(zip.readUInt32LE(end)).toBe(0x06054b50);
    expect(zip.readUInt16LE(end + 10)).toBe(1);
    const centralOffset = zip.readUInt32LE(end + 16);
    expect(zip.readUInt32LE(centralOffset)).toBe(0x02014b50);
    expect(zip.readUInt32LE(end + 12)).toBe(end - centralOffset);
  });

  it('links both downloads from /downloads', async () => {
    const body = await (await get('/downloads')).text();
    expect(body).toContain('<a id="pdf-link" href="/document.pdf">');
    expect(body).toContain('<a id="zip-link" href="/download-zip">');
  });

  it('answers /server-error with 503 HTML and /slow after the delay', async () => {
    const error = await get('/server-error');
    expect(error.status).toBe(503);
    expect(await error.text()).toContain('nicht verfügbar');

    const started = performance.now();
    const slow = await get('/slow?ms=300');
    expect(slow.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('records the upload form posting', async () => {
    const form = new FormData();
    form.append('file', new Blob(['Inhalt']), 'Nachweis.txt');
    const res = await get('/uploaded', { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(portal.reports('uploaded')).toMatchObject([{ fileNames: ['Nachweis.txt'] }]);
  });

  it('closes while a slow answer is pending', async () => {
    const other = await startTestPortal();
    const pending = fetch(other.url('/slow?ms=60000')).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await other.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});

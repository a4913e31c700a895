import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kioskContentSecurityPolicy } from '#core/assets/rendererAssets';
import { appHost, appOrigin, appScheme, appSchemePrivileges, createAppProtocolHandler } from '#electron/hosts/electron/appProtocol';

const base = mkdtempSync(join(tmpdir(), 'kiosk-protocol-test-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>kiosk</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'export const x = 1;');
writeFileSync(join(base, 'secret.js'), 'SECRET');

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

const handler = createAppProtocolHandler(root);

describe('app protocol constants', () => {
  it('serves the UI from kiosk://app with standard, secure privileges', () => {
    expect(appScheme).toBe('kiosk');
    expect(appHost).toBe('app');
    expect(appOrigin).toBe('kiosk://app');
    expect(appSchemePrivileges).toMatchObject({ scheme: 'kiosk', privileges: { standard: true, secure: true, corsEnabled: false } });
  });
});

describe('createAppProtocolHandler', () => {
  it('serves index.html at the root with the security headers', async () => {
    const response = await handler(new Request('kiosk://app/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>kiosk</title>');
    expect(response.headers.get('content-security-policy')).toBe(kioskContentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('serves a file from the folder', async () => {
    const response = await handler(new Request('kiosk://app/assets/app.js?v=1'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('export const x = 1;');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves index.html for extension-less routes', async () => {
    const response = await handler(new Request('kiosk://app/screens/home'));
    expect(await response.text()).toContain('<title>kiosk</title>');
  });

  it.each(['kiosk://other/', 'kiosk://app.evil/', 'kiosk://ap/index.html', 'kiosk://app:81/'])('404s another host: %s', async (url) => {
    const response = await handler(new Request(url));
    expect(response.status).toBe(404);
  });

  it('404s a request that is not GET', async () => {
    const response = await handler(new Request('kiosk://app/', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(404);
  });

  it.each(['kiosk://app/%2e%2e/secret.js', 'kiosk://app/..%2fsecret.js', 'kiosk://app/../secret.js', 'kiosk://app/assets/%2e%2e/%2e%2e/secret.js'])(
    'never serves a file outside the folder: %s',
    async (url) => {
      const response = await handler(new Request(url));
      expect(await response.text()).not.toContain('SECRET');
      expect([200, 404]).toContain(response.status);
    },
  );

  it('404s an encoded traversal to a file and a missing file', async () => {
    expect((await handler(new Request('kiosk://app/%2e%2e/secret.js'))).status).toBe(404);
    expect((await handler(new Request('kiosk://app/assets/missing.js'))).status).toBe(404);
    expect((await handler(new Request('kiosk://app/%00.js'))).status).toBe(404);
  });
});

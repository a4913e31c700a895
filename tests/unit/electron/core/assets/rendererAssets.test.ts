import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kioskContentSecurityPolicy, readAsset, resolveAssetPath } from '#core/assets/rendererAssets';

const base = mkdtempSync(join(tmpdir(), 'kiosk-assets-test-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>kiosk</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1);');
writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
writeFileSync(join(root, 'assets', 'blob.bin'), Buffer.from([0, 1, 2]));
// Files outside the served folder that a traversal would try to reach.
writeFileSync(join(base, 'secret.js'), 'SECRET');
mkdirSync(join(base, 'renderer-evil'), { recursive: true });
writeFileSync(join(base, 'renderer-evil', 'x.js'), 'EVIL');

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

const inside = (path: string | null): boolean => path?.startsWith(root + sep) === true;

describe('resolveAssetPath', () => {
  it('serves index.html for / and for extension-less paths', () => {
    expect(resolveAssetPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveAssetPath(root, '')).toBe(join(root, 'index.html'));
    expect(resolveAssetPath(root, '/home')).toBe(join(root, 'index.html'));
    expect(resolveAssetPath(root, '/screens/attract')).toBe(join(root, 'index.html'));
    expect(resolveAssetPath(root, '/?x=1')).toBe(join(root, 'index.html'));
  });

  it('maps files inside the folder and ignores query and fragment', () => {
    expect(resolveAssetPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAssetPath(root, '/assets/app.js?v=2#top')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAssetPath(root, '//assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it.each([
    '/../secret.js',
    '/assets/../../secret.js',
    '/%2e%2e/secret.js',
    '/%2E%2E/%2E%2E/etc/passwd.txt',
    '/..%2fsecret.js',
    '/..%2Fsecret.js',
    '/../renderer-evil/x.js',
  ])('rejects traversal with a file extension: %s', (path) => {
    expect(resolveAssetPath(root, path)).toBeNull();
  });

  it.each(['/../etc/passwd', '/%2e%2e/x', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/assets/../../../../etc/shadow'])(
    'never resolves an extension-less traversal outside the folder: %s',
    (path) => {
      const resolved = resolveAssetPath(root, path);
      expect(resolved === null || inside(resolved), String(resolved)).toBe(true);
      expect(resolved).not.toContain('passwd');
      expect(resolved).not.toContain('shadow');
    },
  );

  it.each(['/index.html%00.js', '/assets/app.js%00', '/%00', '/a\0b.js'])('rejects a NUL byte: %j', (path) => {
    expect(resolveAssetPath(root, path)).toBeNull();
  });

  it.each(['/%', '/%zz.js', '/%E0%A4%A.js', '/assets/%c3%28.js'])('rejects malformed percent-encoding: %s', (path) => {
    expect(resolveAssetPath(root, path)).toBeNull();
  });

  it('works with a root given with a trailing separator', () => {
    expect(resolveAssetPath(root + sep, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAssetPath(root + sep, '/../secret.js')).toBeNull();
  });
});

describe('readAsset', () => {
  const security = {
    'Content-Security-Policy': kioskContentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  };

  it('serves index.html with the security headers', async () => {
    const response = await readAsset(root, '/');
    expect(response.status).toBe(200);
    expect(response.headers).toEqual({ ...security, 'Content-Type': 'text/html; charset=utf-8' });
    expect(response.body.toString()).toContain('<title>kiosk</title>');
  });

  it('sets the content type by extension', async () => {
    expect((await readAsset(root, '/assets/app.js')).headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect((await readAsset(root, '/assets/app.css')).headers['Content-Type']).toBe('text/css; charset=utf-8');
    const bin = await readAsset(root, '/assets/blob.bin');
    expect(bin.headers['Content-Type']).toBe('application/octet-stream');
    expect([...bin.body]).toEqual([0, 1, 2]);
  });

  it('404s a missing file, still with the security headers', async () => {
    const response = await readAsset(root, '/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers).toMatchObject({ ...security, 'Content-Type': 'text/plain' });
    expect(response.body.toString()).toBe('not found');
  });

  it('404s a traversal and never returns outside content', async () => {
    for (const path of ['/../secret.js', '/%2e%2e/secret.js', '/../renderer-evil/x.js']) {
      const response = await readAsset(root, path);
      expect(response.status, path).toBe(404);
      expect(response.body.toString()).not.toMatch(/SECRET|EVIL/);
      expect(response.headers['X-Content-Type-Options']).toBe('nosniff');
    }
  });

  it('serves index.html for an extension-less folder path and 404s when the root is missing', async () => {
    const folder = await readAsset(root, '/assets/');
    expect(folder.status).toBe(200);
    expect(folder.body.toString()).toContain('<title>kiosk</title>');
    expect((await readAsset(join(base, 'no-such-root'), '/')).status).toBe(404);
  });
});

describe('kioskContentSecurityPolicy', () => {
  it('allows only its own origin and forbids inline script, eval, objects and framing', () => {
    const directives = new Map(
      kioskContentSecurityPolicy.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name ?? '', values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(kioskContentSecurityPolicy).not.toMatch(/unsafe-(inline|eval)/);
  });
});

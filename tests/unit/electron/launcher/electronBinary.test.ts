import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { findElectronBinary, type BinaryLookupDeps } from '#electron/launcher/electronBinary';

const appRoot = '/opt/kiosk';
const pkg = join(appRoot, 'node_modules', 'electron');
const binary = join(pkg, 'dist', 'electron');

function deps(files: Set<string>, pathTxt: string | null, download: BinaryLookupDeps['runDownload'] = () => ({ status: 1, lastLine: '' })) {
  return {
    exists: vi.fn((path: string) => files.has(path)),
    readText: vi.fn((path: string) => (path === join(pkg, 'path.txt') ? pathTxt : null)),
    runDownload: vi.fn(download),
  };
}

describe('findElectronBinary', () => {
  it('finds an installed binary without downloading', () => {
    const d = deps(new Set([join(pkg, 'package.json'), binary]), 'electron\n');
    expect(findElectronBinary(appRoot, d)).toEqual({ available: true, path: binary });
    expect(d.runDownload).not.toHaveBeenCalled();
  });

  it('downloads once when the binary is missing and uses it afterwards', () => {
    const files = new Set([join(pkg, 'package.json')]);
    let pathTxt: string | null = null;
    const d = deps(files, null, (script) => {
      expect(script).toBe(join(pkg, 'install.js'));
      files.add(binary);
      pathTxt = 'electron';
      return { status: 0, lastLine: 'done' };
    });
    d.readText.mockImplementation((path: string) => (path === join(pkg, 'path.txt') ? pathTxt : null));
    expect(findElectronBinary(appRoot, d)).toEqual({ available: true, path: binary });
    expect(d.runDownload).toHaveBeenCalledTimes(1);
  });

  it('downloads when path.txt names a file that does not exist', () => {
    const d = deps(new Set([join(pkg, 'package.json')]), 'electron', () => ({ status: 1, lastLine: 'RequestError: getaddrinfo ENOTFOUND github.com' }));
    const result = findElectronBinary(appRoot, d);
    expect(result.available).toBe(false);
    expect(!result.available && result.reason).toMatch(/download failed \(RequestError: getaddrinfo ENOTFOUND github\.com\)$/);
    expect(d.runDownload).toHaveBeenCalledTimes(1);
  });

  it('reports the exit status when the download printed nothing', () => {
    const d = deps(new Set([join(pkg, 'package.json')]), null, () => ({ status: 7, lastLine: '' }));
    const result = findElectronBinary(appRoot, d);
    expect(!result.available && result.reason).toMatch(/download failed \(exit status 7\)$/);
    const killed = deps(new Set([join(pkg, 'package.json')]), null, () => ({ status: null, lastLine: '' }));
    const killedResult = findElectronBinary(appRoot, killed);
    expect(!killedResult.available && killedResult.reason).toMatch(/download failed \(exit status null\)$/);
  });

  it('is unavailable when the download "succeeds" but leaves no binary', () => {
    const d = deps(new Set([join(pkg, 'package.json')]), '  ', () => ({ status: 0, lastLine: 'ok' }));
    const result = findElectronBinary(appRoot, d);
    expect(result.available).toBe(false);
    expect(!result.available && result.reason).toContain('ok');
    expect(d.runDownload).toHaveBeenCalledTimes(1);
  });

  it('reports a missing electron package without trying a download', () => {
    const d = deps(new Set(), null);
    expect(findElectronBinary(appRoot, d)).toEqual({ available: false, reason: 'the electron package is not installed' });
    expect(d.runDownload).not.toHaveBeenCalled();
  });
});

import { join } from 'node:path';

export type ElectronBinary = { readonly available: true; readonly path: string } | { readonly available: false; readonly reason: string };

/** The file system and process calls the lookup needs; injected so the logic is testable. */
export interface BinaryLookupDeps {
  exists(path: string): boolean;
  readText(path: string): string | null;
  /** Runs Electron's own download step; returns its exit status and the last line it printed. */
  runDownload(installScript: string): { status: number | null; lastLine: string };
}

/**
 * Finds the Electron binary of the installed `electron` package. Electron ≥ 45 downloads it lazily,
 * so when it is missing the download is tried once; any failure is reported as a reason, never thrown.
 */
export function findElectronBinary(appRoot: string, deps: BinaryLookupDeps): ElectronBinary {
  const pkg = join(appRoot, 'node_modules', 'electron');
  if (!deps.exists(join(pkg, 'package.json'))) return { available: false, reason: 'the electron package is not installed' };
  const locate = (): string | null => {
    const relative = deps.readText(join(pkg, 'path.txt'))?.trim();
    if (!relative) return null;
    const full = join(pkg, 'dist', relative);
    return deps.exists(full) ? full : null;
  };
  const found = locate();
  if (found !== null) return { available: true, path: found };
  const download = deps.runDownload(join(pkg, 'install.js'));
  const afterDownload = download.status === 0 ? locate() : null;
  if (afterDownload !== null) return { available: true, path: afterDownload };
  const why = download.lastLine === '' ? `exit status ${String(download.status)}` : download.lastLine;
  return { available: false, reason: `the download failed (${why})` };
}

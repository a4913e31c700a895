import { fileURLToPath } from 'node:url';

/**
 * The layer names of tsconfig.base.json's "paths" for Vite and Vitest ("#shared/result" →
 * shared/result). esbuild reads them from the tsconfig itself.
 */
const folder = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export const importAliases = [
  { find: /^#shared\//, replacement: folder('./shared/') },
  { find: /^#core\//, replacement: folder('./electron/core/') },
  { find: /^#electron\//, replacement: folder('./electron/') },
  { find: /^#renderer\//, replacement: folder('./renderer/src/') },
  { find: /^#tests\//, replacement: folder('./tests/') },
];

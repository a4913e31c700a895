import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The end-to-end tests run the built kiosk; `npm test` builds it first. */
export default function globalSetup(): void {
  const root = join(import.meta.dirname, '..', '..', '..');
  for (const file of ['dist/chromium/host.mjs', 'dist/chromium/bridge.js', 'dist/renderer/index.html', 'dist/launcher/start.mjs']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` before the end-to-end tests.`);
  }
}

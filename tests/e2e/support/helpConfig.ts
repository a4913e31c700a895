import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from './kioskProcess';

export interface Webhook {
  readonly url: string;
  readonly acknowledgeUrl?: string;
  readonly when?: 'always' | 'escalation';
}

/** The info terminal with staff access (fixture) and webhooks signed with `secret`, written to a temp file. */
export function helpConfigFile(secret: string, webhooks: readonly Webhook[], escalateAfterSeconds = 600, more: Record<string, unknown> = {}): string {
  const base = JSON.parse(readFileSync(join(appRoot, 'tests', 'fixtures', 'config', 'info-staff.json'), 'utf8')) as Record<string, unknown>;
  const config = {
    ...base,
    content: { folder: join(appRoot, 'kiosk-config', 'content', 'jena') },
    help: {
      escalateAfterSeconds,
      location: 'Foyer, links vom Eingang',
      channels: webhooks.map((webhook) => ({ kind: 'webhook', secret, timeoutSeconds: 2, ...webhook })),
    },
    ...more,
  };
  const file = join(mkdtempSync(join(tmpdir(), 'kiosk-help-')), 'info-help.json');
  // It holds secrets (PIN hashes, webhook secrets): the kiosk refuses it if everybody may read it.
  writeFileSync(file, JSON.stringify(config), { mode: 0o600 });
  return file;
}

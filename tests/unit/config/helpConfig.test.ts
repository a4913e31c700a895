import { describe, expect, it } from 'vitest';
import { helpConfigSchema, resolveHelpConfig, webhookChannelConfigSchema } from '../../../shared/config/helpConfig';

const secret = '0123456789abcdef0123456789abcdef';

function webhook(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { kind: 'webhook', url: 'https://staff.jena.de/kiosk-help', secret, ...overrides };
}

/** The problems zod reports for a webhook channel, as "path: message". */
function problems(overrides: Record<string, unknown>): string[] {
  const result = webhookChannelConfigSchema.safeParse(webhook(overrides));
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('help config: webhook channel', () => {
  it('accepts an https webhook and fills in the 10 s timeout', () => {
    expect(webhookChannelConfigSchema.parse(webhook())).toEqual({ ...webhook(), timeoutSeconds: 10 });
  });

  it.each(['https://staff.jena.de:8443/hook?terminal=1', 'http://127.0.0.1:4711/hook', 'http://localhost:8080/'])('accepts %s', (url) => {
    expect(problems({ url })).toEqual([]);
  });

  it.each([
    ['http://staff.jena.de/hook', 'must use https://'],
    ['http://127.0.0.1/hook', 'must name the port'],
    ['http://localhost/hook', 'must name the port'],
    ['http://10.0.0.5:8080/hook', 'must use https://'],
    ['ftp://staff.jena.de/hook', 'must use https://'],
    ['staff.jena.de/hook', 'must be a full web address'],
    ['https://user:pw@staff.jena.de/hook', 'user name or password'],
    ['https://staff.jena.de/hook#x', 'fragment'],
  ])('refuses %s', (url, message) => {
    expect(problems({ url }).join('\n')).toContain(message);
  });

  it('needs a secret of at least 32 characters', () => {
    expect(problems({ secret: secret.slice(1) })).toEqual(['secret: must be at least 32 characters (e.g. "openssl rand -hex 32")']);
    expect(problems({ secret: undefined })).toHaveLength(1);
  });

  it('takes a timeout of 1 to 60 whole seconds', () => {
    expect(problems({ timeoutSeconds: 1 })).toEqual([]);
    expect(problems({ timeoutSeconds: 60 })).toEqual([]);
    for (const timeoutSeconds of [0, 61, 2.5, '10']) expect(problems({ timeoutSeconds })).toHaveLength(1);
  });

  it('refuses unknown keys and unknown kinds', () => {
    expect(problems({ secrets: 'x' })).toHaveLength(1);
    expect(helpConfigSchema.safeParse({ channels: [{ kind: 'mqtt', url: 'mqtts://broker' }] }).success).toBe(false);
  });
});

describe('help config: section', () => {
  it('defaults to no remote channels and allows at most five', () => {
    expect(helpConfigSchema.parse({})).toEqual({ channels: [] });
    expect(helpConfigSchema.safeParse({ channels: Array.from({ length: 5 }, () => webhook()) }).success).toBe(true);
    const six = helpConfigSchema.safeParse({ channels: Array.from({ length: 6 }, () => webhook()) });
    expect(six.success).toBe(false);
    expect(six.error?.issues[0]?.message).toBe('lists more than 5 channels');
    expect(helpConfigSchema.safeParse({ channels: [], extra: true }).success).toBe(false);
  });

  it('resolves channels with stable names and defaults; no section means no channels', () => {
    const parsed = helpConfigSchema.parse({ channels: [webhook(), webhook({ url: 'http://127.0.0.1:4711/hook', timeoutSeconds: 3 })] });
    expect(resolveHelpConfig(parsed)).toEqual({
      channels: [
        { kind: 'webhook', name: 'webhook-1', url: 'https://staff.jena.de/kiosk-help', secret, timeoutSeconds: 10 },
        { kind: 'webhook', name: 'webhook-2', url: 'http://127.0.0.1:4711/hook', secret, timeoutSeconds: 3 },
      ],
    });
    expect(resolveHelpConfig(undefined)).toEqual({ channels: [] });
  });
});

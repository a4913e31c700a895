import { describe, expect, it } from 'vitest';
import { helpConfigSchema, resolveHelpConfig, webhookChannelConfigSchema } from '#shared/config/helpConfig';

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
  it('accepts an https webhook and fills in the 10 s timeout and "always"', () => {
    expect(webhookChannelConfigSchema.parse(webhook())).toEqual({ ...webhook(), timeoutSeconds: 10, when: 'always' });
  });

  it('takes "always" or "escalation" for `when`, and nothing else', () => {
    expect(problems({ when: 'escalation' })).toEqual([]);
    expect(problems({ when: 'always' })).toEqual([]);
    const wrong = problems({ when: 'sometimes' });
    expect(wrong).toHaveLength(1);
    expect(wrong[0]).toMatch(/^when: .*"always".*"escalation"/);
  });

  it('checks an acknowledgeUrl like the webhook address', () => {
    expect(problems({ acknowledgeUrl: 'https://staff.jena.de/kiosk-help/status' })).toEqual([]);
    expect(problems({ acknowledgeUrl: 'http://127.0.0.1:4711/status' })).toEqual([]);
    expect(problems({ acknowledgeUrl: 'http://staff.jena.de/status' })).toEqual([expect.stringMatching(/^acknowledgeUrl: must use https:\/\//)]);
    expect(problems({ acknowledgeUrl: 'status' })).toEqual([expect.stringMatching(/^acknowledgeUrl: must be a full web address/)]);
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
    expect(helpConfigSchema.parse({})).toEqual({ escalateAfterSeconds: 120, channels: [] });
    expect(helpConfigSchema.safeParse({ channels: Array.from({ length: 5 }, () => webhook()) }).success).toBe(true);
    const six = helpConfigSchema.safeParse({ channels: Array.from({ length: 6 }, () => webhook()) });
    expect(six.success).toBe(false);
    expect(six.error?.issues[0]?.message).toBe('lists more than 5 channels');
    expect(helpConfigSchema.safeParse({ channels: [], extra: true }).success).toBe(false);
  });

  it('resolves channels with stable names and defaults; no section means no channels', () => {
    const parsed = helpConfigSchema.parse({ channels: [webhook(), webhook({ url: 'http://127.0.0.1:4711/hook', timeoutSeconds: 3 })] });
    expect(resolveHelpConfig(parsed)).toEqual({
      location: null,
      escalateAfterSeconds: 120,
      chime: { enabled: true, repeats: 2, volume: 0.6 },
      channels: [
        { kind: 'webhook', name: 'webhook-1', url: 'https://staff.jena.de/kiosk-help', secret, timeoutSeconds: 10, when: 'always', acknowledgeUrl: null },
        { kind: 'webhook', name: 'webhook-2', url: 'http://127.0.0.1:4711/hook', secret, timeoutSeconds: 3, when: 'always', acknowledgeUrl: null },
      ],
    });
    expect(resolveHelpConfig(undefined)).toEqual({
      location: null,
      escalateAfterSeconds: 120,
      chime: { enabled: true, repeats: 2, volume: 0.6 },
      channels: [],
    });
  });

  it('resolves location, escalation, chime and the channel options as written', () => {
    const parsed = helpConfigSchema.parse({
      location: '  Foyer, links neben dem Eingang ',
      escalateAfterSeconds: 300,
      chime: { repeats: 4 },
      channels: [webhook({ when: 'escalation', acknowledgeUrl: 'https://staff.jena.de/kiosk-help/status' })],
    });
    expect(resolveHelpConfig(parsed)).toEqual({
      location: 'Foyer, links neben dem Eingang',
      escalateAfterSeconds: 300,
      chime: { enabled: true, repeats: 4, volume: 0.6 },
      channels: [
        {
          kind: 'webhook',
          name: 'webhook-1',
          url: 'https://staff.jena.de/kiosk-help',
          secret,
          timeoutSeconds: 10,
          when: 'escalation',
          acknowledgeUrl: 'https://staff.jena.de/kiosk-help/status',
        },
      ],
    });
  });

  /** The problems zod reports for a help section, as "path: message". */
  function sectionProblems(section: Record<string, unknown>): string[] {
    const result = helpConfigSchema.safeParse(section);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  }

  it.each([
    [{ escalateAfterSeconds: 9 }, 'escalateAfterSeconds: Too small: expected number to be >=10'],
    [{ escalateAfterSeconds: 3601 }, 'escalateAfterSeconds: Too big: expected number to be <=3600'],
    [{ escalateAfterSeconds: 12.5 }, 'escalateAfterSeconds: Invalid input: expected int, received number'],
    [{ chime: { repeats: 0 } }, 'chime.repeats: Too small: expected number to be >=1'],
    [{ chime: { repeats: 6 } }, 'chime.repeats: Too big: expected number to be <=5'],
    [{ chime: { volume: 0 } }, 'chime.volume: Too small: expected number to be >=0.05'],
    [{ chime: { volume: 1.5 } }, 'chime.volume: Too big: expected number to be <=1'],
    [{ chime: { enabled: 'yes' } }, 'chime.enabled: Invalid input: expected boolean, received string'],
    [{ chime: { loud: true } }, 'chime: Unrecognized key: "loud"'],
    [{ location: '   ' }, 'location: Too small: expected string to have >=1 characters'],
    [{ location: 'x'.repeat(201) }, 'location: Too big: expected string to have <=200 characters'],
  ])('refuses %j with a clear message', (section, message) => {
    expect(sectionProblems(section)).toEqual([message]);
  });
});

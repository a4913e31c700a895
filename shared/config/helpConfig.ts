import { z } from '../zodConfig';
import { parseUrl } from './webOrigin';

/**
 * The remote channels through which staff learn of help calls (docs/architecture.md, "Help calls and staff"); the terminal's own signal light and chime need no config here. Only the webhook exists
 * now; MQTT, not built yet, would be another `kind`.
 */

export const maxHelpChannels = 5;
/** Which calls a channel hears of: all of them, or only those escalated (the second channel). */
export const helpChannelWhen = ['always', 'escalation'] as const;
export type HelpChannelWhen = (typeof helpChannelWhen)[number];
const defaultEscalateAfterSeconds = 120;
const defaultChime = { enabled: true, repeats: 2, volume: 0.6 } as const;
export const minWebhookSecretLength = 32;
const defaultTimeoutSeconds = 10;

/** The plain-http exception, in words, for messages and descriptions. */
const loopbackNote = 'plain http:// only for a local test receiver on http://127.0.0.1:<port> or http://localhost:<port>';

/** Why a webhook address is not acceptable, or null. */
function webhookUrlProblem(url: URL): string | null {
  if (url.protocol === 'http:') {
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') return `must use https:// (${loopbackNote})`;
    if (url.port === '') return `must name the port of the local test receiver (${loopbackNote})`;
  } else if (url.protocol !== 'https:') {
    return `must use https:// (${loopbackNote})`;
  }
  // fetch refuses URLs with credentials, and they would end up wherever the URL is shown.
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  if (url.hash !== '') return 'must not contain a #fragment';
  return null;
}

const webhookUrlSchema = z
  .string()
  .max(2000)
  .superRefine((value, ctx) => {
    const url = parseUrl(value);
    const problem = url === null ? 'must be a full web address such as "https://staff.example.de/kiosk-help"' : webhookUrlProblem(url);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe(`Address the help events are POSTed to: https:// (${loopbackNote}).`);

export const webhookChannelConfigSchema = z
  .strictObject({
    kind: z.literal('webhook'),
    url: webhookUrlSchema,
    secret: z
      .string()
      .min(minWebhookSecretLength, `must be at least ${String(minWebhookSecretLength)} characters (e.g. "openssl rand -hex 32")`)
      .max(512)
      .describe(
        `Shared secret for the HMAC-SHA256 signature (X-Kiosk-Signature), at least ${String(minWebhookSecretLength)} characters; the receiver verifies with it.`,
      ),
    timeoutSeconds: z
      .number()
      .int()
      .min(1)
      .max(60)
      .default(defaultTimeoutSeconds)
      .describe(`Seconds one request may take before it is retried (1–60, default ${String(defaultTimeoutSeconds)}).`),
    when: z
      .enum(helpChannelWhen)
      .default('always')
      .describe('always: every call; escalation: only calls nobody acknowledged in time (the second channel), from their escalation on.'),
    acknowledgeUrl: webhookUrlSchema
      .optional()
      .describe('Optional: while a call is open the kiosk asks this address (signed GET) whether staff acknowledged or resolved it.'),
  })
  .describe('An HTTP webhook: each help event is POSTed as signed JSON, retried with backoff until it is delivered.');

export const helpChannelConfigSchema = z.discriminatedUnion('kind', [webhookChannelConfigSchema]);

export const helpConfigSchema = z
  .strictObject({
    escalateAfterSeconds: z
      .number()
      .int()
      .min(10)
      .max(3600)
      .default(defaultEscalateAfterSeconds)
      .describe(
        `A call nobody acknowledged within this many seconds escalates: escalation channels hear of it, the chime sounds louder (default ${String(defaultEscalateAfterSeconds)}).`,
      ),
    chime: z
      .strictObject({
        enabled: z.boolean().default(defaultChime.enabled).describe('Whether the terminal chimes when help is requested.'),
        repeats: z.number().int().min(1).max(5).default(defaultChime.repeats).describe('How often the chime sounds for one call (1–5); never endless.'),
        volume: z.number().min(0.05).max(1).default(defaultChime.volume).describe('Chime volume 0.05–1; an escalated call chimes at full volume.'),
      })
      .optional()
      .describe('The chime at the terminal when help is requested.'),
    location: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('Where the terminal stands, as staff should read it in a help call, e.g. "Foyer, links neben dem Eingang" (no personal data).'),
    channels: z
      .array(helpChannelConfigSchema)
      .max(maxHelpChannels, `lists more than ${String(maxHelpChannels)} channels`)
      .default([])
      .describe("Remote channels through which staff learn of help calls, in addition to the terminal's own light and chime."),
  })
  .describe('Help calls to staff.');

export type HelpConfigInput = z.input<typeof helpConfigSchema>;

/** A webhook channel with every default filled in. */
export interface WebhookChannelConfig {
  readonly kind: 'webhook';
  /** "webhook-1", "webhook-2" …: the name in the outbox and in logs (the URL may hold a token). */
  readonly name: string;
  readonly url: string;
  readonly secret: string;
  readonly timeoutSeconds: number;
  readonly when: HelpChannelWhen;
  /** Where the kiosk asks whether staff acknowledged a call; null: only acknowledgements at the terminal. */
  readonly acknowledgeUrl: string | null;
}

export type HelpChannelConfig = WebhookChannelConfig;

export interface HelpConfig {
  /** Where the terminal stands, sent with every help event; null when not configured. */
  readonly location: string | null;
  readonly escalateAfterSeconds: number;
  readonly chime: { readonly enabled: boolean; readonly repeats: number; readonly volume: number };
  readonly channels: readonly HelpChannelConfig[];
}

/** Fills in the defaults of a parsed `help` section and names the channels; no section: no remote channels, default escalation and chime. */
export function resolveHelpConfig(parsed: z.output<typeof helpConfigSchema> | undefined): HelpConfig {
  if (parsed === undefined) return { location: null, escalateAfterSeconds: defaultEscalateAfterSeconds, chime: { ...defaultChime }, channels: [] };
  return {
    location: parsed.location ?? null,
    escalateAfterSeconds: parsed.escalateAfterSeconds,
    chime: {
      enabled: parsed.chime?.enabled ?? defaultChime.enabled,
      repeats: parsed.chime?.repeats ?? defaultChime.repeats,
      volume: parsed.chime?.volume ?? defaultChime.volume,
    },
    channels: parsed.channels.map((channel, index) => ({
      kind: channel.kind,
      name: `${channel.kind}-${String(index + 1)}`,
      url: channel.url,
      secret: channel.secret,
      timeoutSeconds: channel.timeoutSeconds,
      when: channel.when,
      acknowledgeUrl: channel.acknowledgeUrl ?? null,
    })),
  };
}

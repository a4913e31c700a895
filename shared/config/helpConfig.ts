import { z } from '../zodConfig';
import { parseUrl } from './webOrigin';

/**
 * The remote channels through which staff learn of help calls (issue "Staff: call for help end to
 * end"); the terminal's own signal light and chime need no config here. Only the webhook exists
 * now; MQTT joins in the fleet issue as another `kind`.
 */

export const maxHelpChannels = 5;
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
      .describe(`Shared secret for the HMAC-SHA256 signature (X-Kiosk-Signature), at least ${String(minWebhookSecretLength)} characters; the receiver verifies with it.`),
    timeoutSeconds: z.number().int().min(1).max(60).default(defaultTimeoutSeconds).describe(`Seconds one request may take before it is retried (1–60, default ${String(defaultTimeoutSeconds)}).`),
  })
  .describe('An HTTP webhook: each help event is POSTed as signed JSON, retried with backoff until it is delivered.');

export const helpChannelConfigSchema = z.discriminatedUnion('kind', [webhookChannelConfigSchema]);

export const helpConfigSchema = z
  .strictObject({
    channels: z
      .array(helpChannelConfigSchema)
      .max(maxHelpChannels, `lists more than ${String(maxHelpChannels)} channels`)
      .default([])
      .describe('Remote channels through which staff learn of help calls, in addition to the terminal\'s own light and chime.'),
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
}

export type HelpChannelConfig = WebhookChannelConfig;

export interface HelpConfig {
  readonly channels: readonly HelpChannelConfig[];
}

/** Fills in the defaults of a parsed `help` section and names the channels; no section: no remote channels. */
export function resolveHelpConfig(parsed: z.output<typeof helpConfigSchema> | undefined): HelpConfig {
  if (parsed === undefined) return { channels: [] };
  return {
    channels: parsed.channels.map((channel, index) => ({
      kind: channel.kind,
      name: `${channel.kind}-${String(index + 1)}`,
      url: channel.url,
      secret: channel.secret,
      timeoutSeconds: channel.timeoutSeconds,
    })),
  };
}

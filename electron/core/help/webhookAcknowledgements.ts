import { z } from '#shared/zodConfig';
import type { HelpChannelConfig } from '#shared/config/helpConfig';
import type { HelpView } from '#shared/contract/helpContract';
import type { Result } from '#shared/result';
import type { Logger } from '../logging/logger';
import { systemClock, type Clock } from '../session/clock';
import { networkErrorCode, originForLog, signWebhookBody, verifyWebhookSignature } from './webhookChannel';

/**
 * Acknowledgements from afar: while a call is open, the kiosk asks each webhook channel that has
 * an `acknowledgeUrl` whether staff acknowledged or resolved it (polling, so the kiosk opens no
 * port and needs no way in through the office firewall).
 *
 * The protocol, for receivers:
 * - Request: `GET <acknowledgeUrl>?callId=<callId>` (added to any query the URL has), every few
 *   seconds (default 5) while the call is open, with growing pauses (up to a minute) while answers
 *   fail. Headers `X-Kiosk-Timestamp: <unix seconds>` and `X-Kiosk-Signature: sha256=<hex>`, the
 *   HMAC-SHA256 with the channel's secret over `<timestamp>.<callId>`: the same scheme as the
 *   events (see webhookChannel.ts) with the call id as the body. Receivers should check it before
 *   answering, so nobody else learns which calls are open.
 * - Answer: `200` with the JSON body `{"callId": "<the asked id>", "status": "open" | "acknowledged"
 *   | "resolved"}` (other fields are ignored), signed the same way with the same secret: headers
 *   `X-Kiosk-Timestamp` (the receiver's unix seconds) and `X-Kiosk-Signature` = HMAC over
 *   `<timestamp>.<raw body>`; `verifyWebhookSignature` shows the check the kiosk makes.
 * - `acknowledged` makes the terminal say "someone is coming"; `resolved` closes the call; `open`
 *   changes nothing. An unsigned, badly signed or stale answer (timestamp more than 5 minutes from
 *   the kiosk's clock), another status code, a redirect, or a body that is not that JSON for the
 *   asked call is ignored and logged (channel, reason, call id; never the body) and counts as a
 *   failure for the pauses.
 */

/** One place to ask for acknowledgements: a webhook channel with an `acknowledgeUrl`. */
export interface AcknowledgementSource {
  /** The channel's name ("webhook-1"), for logs. */
  readonly name: string;
  readonly url: string;
  /** The channel's HMAC secret; never logged. */
  readonly secret: string;
  /** Limit for one request, answer included. */
  readonly timeoutMs: number;
}

/** The sources among configured channels: the webhooks that name an `acknowledgeUrl`. */
export function acknowledgementSources(channels: readonly HelpChannelConfig[]): AcknowledgementSource[] {
  return channels.flatMap((channel) =>
    channel.acknowledgeUrl === null
      ? []
      : [{ name: channel.name, url: channel.acknowledgeUrl, secret: channel.secret, timeoutMs: channel.timeoutSeconds * 1000 }],
  );
}

/** What the poller needs of the help service. */
export interface AcknowledgeableHelp {
  view(): HelpView;
  onChange(listener: (view: HelpView) => void): () => void;
  acknowledge(callId: string): Promise<Result<HelpView>>;
  resolve(callId: string): Promise<Result<HelpView>>;
}

export interface WebhookAcknowledgementsOptions {
  readonly sources: readonly AcknowledgementSource[];
  readonly help: AcknowledgeableHelp;
  readonly logger: Logger;
  /** Timers and the wall-clock time of the signatures (default system clock). */
  readonly clock?: Clock;
  /** Global fetch by default; tests inject their own. */
  readonly fetch?: typeof fetch;
  /** Pause between two questions (default 5 s). */
  readonly intervalMs?: number;
  /** Longest pause after failures (default 60 s). */
  readonly maxBackoffMs?: number;
}

const defaultIntervalMs = 5000;
const defaultMaxBackoffMs = 60_000;
/** An answer is a few dozen bytes; anything much longer is not one. */
const maxAnswerLength = 4096;

const answerSchema = z.object({
  callId: z.uuid(),
  status: z.enum(['open', 'acknowledged', 'resolved']),
});
type AnswerStatus = z.infer<typeof answerSchema>['status'];

type PollOutcome = { readonly status: AnswerStatus } | { readonly problem: string };

interface Poll {
  readonly source: AcknowledgementSource;
  readonly callId: string;
  timer: unknown;
  abort: AbortController | null;
  inFlight: Promise<void> | null;
  failures: number;
  stopped: boolean;
}

/** Polls the sources while a call is open; see the module comment. No method throws. */
export class WebhookAcknowledgements {
  readonly #options: WebhookAcknowledgementsOptions;
  readonly #clock: Clock;
  readonly #fetch: typeof fetch;
  readonly #intervalMs: number;
  readonly #maxBackoffMs: number;
  #polls: Poll[] = [];
  #unsubscribe: (() => void) | null = null;

  constructor(options: WebhookAcknowledgementsOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#fetch = options.fetch ?? fetch;
    this.#intervalMs = options.intervalMs ?? defaultIntervalMs;
    this.#maxBackoffMs = options.maxBackoffMs ?? defaultMaxBackoffMs;
  }

  /** Follows the help call: polls while one is open. Does nothing without sources. */
  start(): void {
    if (this.#unsubscribe !== null || this.#options.sources.length === 0) return;
    this.#unsubscribe = this.#options.help.onChange((view) => {
      this.#follow(view);
    });
    this.#follow(this.#options.help.view());
  }

  /** Stops polling: aborts questions in flight and waits for them. */
  async stop(): Promise<void> {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    const polls = this.#polls;
    this.#polls = [];
    for (const poll of polls) this.#end(poll);
    await Promise.all(polls.map((poll) => poll.inFlight ?? Promise.resolve()));
  }

  /** Starts polling for a newly open call, stops when it closed. */
  #follow(view: HelpView): void {
    const callId = view.status === 'clear' ? null : view.callId;
    if (this.#polls[0]?.callId === callId) return;
    for (const poll of this.#polls) this.#end(poll);
    this.#polls = [];
    if (callId === null) return;
    this.#polls = this.#options.sources.map((source) => ({ source, callId, timer: null, abort: null, inFlight: null, failures: 0, stopped: false }));
    for (const poll of this.#polls) this.#schedule(poll, this.#intervalMs);
  }

  #end(poll: Poll): void {
    poll.stopped = true;
    if (poll.timer !== null) this.#clock.clearTimeout(poll.timer);
    poll.timer = null;
    poll.abort?.abort();
  }

  #schedule(poll: Poll, delayMs: number): void {
    poll.timer = this.#clock.setTimeout(() => {
      poll.timer = null;
      if (poll.stopped) return;
      poll.inFlight = this.#ask(poll).finally(() => {
        poll.inFlight = null;
      });
    }, delayMs);
  }

  async #ask(poll: Poll): Promise<void> {
    const controller = new AbortController();
    poll.abort = controller;
    const outcome = await this.#question(poll.source, poll.callId, controller.signal);
    poll.abort = null;
    if (poll.stopped) return;
    const context = { channel: poll.source.name, target: originForLog(poll.source.url), callId: poll.callId };
    if ('problem' in outcome) {
      poll.failures += 1;
      const delayMs = Math.min(this.#maxBackoffMs, this.#intervalMs * 2 ** Math.min(poll.failures, 20));
      this.#options.logger.warn({ ...context, reason: outcome.problem, failures: poll.failures, delayMs }, 'help acknowledgement: answer ignored');
      this.#schedule(poll, delayMs);
      return;
    }
    poll.failures = 0;
    // Scheduled first: acting on the answer may close the call, which ends this poll.
    this.#schedule(poll, this.#intervalMs);
    if (outcome.status === 'open') return;
    const acted = outcome.status === 'acknowledged' ? await this.#options.help.acknowledge(poll.callId) : await this.#options.help.resolve(poll.callId);
    if (acted.ok) this.#options.logger.info({ ...context, status: outcome.status }, `help call ${outcome.status} from afar`);
  }

  /** One signed question and the verified answer, or what was wrong with it. */
  async #question(source: AcknowledgementSource, callId: string, signal: AbortSignal): Promise<PollOutcome> {
    const url = new URL(source.url);
    url.searchParams.set('callId', callId);
    const timestamp = String(Math.floor(this.#clock.now() / 1000));
    const timeout = AbortSignal.timeout(source.timeoutMs);
    let response: Response;
    let body: string;
    try {
      response = await this.#fetch(url, {
        method: 'GET',
        headers: { Accept: 'application/json', 'X-Kiosk-Timestamp': timestamp, 'X-Kiosk-Signature': signWebhookBody(source.secret, timestamp, callId) },
        // A redirect would send the signed question somewhere the config does not name.
        redirect: 'manual',
        signal: AbortSignal.any([signal, timeout]),
      });
      if (response.status !== 200) {
        await response.body?.cancel().catch(() => undefined);
        return { problem: `HTTP ${String(response.status)}` };
      }
      body = await response.text();
    } catch (error) {
      return {
        problem: signal.aborted ? 'aborted' : timeout.aborted ? `timeout after ${String(source.timeoutMs)} ms` : `network error: ${networkErrorCode(error)}`,
      };
    }
    return this.#verify(source, callId, response.headers, body);
  }

  #verify(source: AcknowledgementSource, callId: string, headers: Headers, body: string): PollOutcome {
    const timestamp = headers.get('x-kiosk-timestamp');
    const signature = headers.get('x-kiosk-signature');
    if (timestamp === null || signature === null) return { problem: 'unsigned answer' };
    if (body.length > maxAnswerLength) return { problem: 'answer too long' };
    const check = { secret: source.secret, timestamp, body, signature, nowSeconds: Math.floor(this.#clock.now() / 1000) };
    if (!verifyWebhookSignature(check)) {
      // Told apart for whoever looks at the log: a stale answer usually means a clock is wrong.
      return {
        problem: verifyWebhookSignature({ ...check, toleranceSeconds: Number.POSITIVE_INFINITY })
          ? 'stale answer (timestamp too far from the kiosk clock)'
          : 'bad signature',
      };
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return { problem: 'answer is not JSON' };
    }
    const answer = answerSchema.safeParse(json);
    if (!answer.success) return { problem: 'answer is not {callId, status}' };
    if (answer.data.callId !== callId) return { problem: 'answer is about another call' };
    return { status: answer.data.status };
  }
}

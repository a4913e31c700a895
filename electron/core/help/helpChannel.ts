import type { HelpEvent } from '#shared/help/helpEvent';

/** What became of one attempt to hand an event to a channel. */
export type DeliveryOutcome =
  | { readonly delivered: true }
  /** `retry`: the failure may pass (network, overload), try again later; otherwise give up. */
  | { readonly delivered: false; readonly retry: boolean; readonly reason: string };

/**
 * A remote channel through which staff learn of help calls (webhook now, MQTT later). The outbox
 * calls `deliver` for one event at a time per channel and retries by the outcome; a channel never
 * throws and never logs the event's content.
 */
export interface HelpChannel {
  /** Unique among the configured channels, stable across restarts (the outbox file refers to it); safe to log. */
  readonly name: string;
  /** Sends one event; settles soon after `signal` aborts (then with a retryable outcome). */
  deliver(event: HelpEvent, signal: AbortSignal): Promise<DeliveryOutcome>;
}

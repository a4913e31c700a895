import { randomUUID } from 'node:crypto';
import type { HelpConfig } from '#shared/config/helpConfig';
import type { KioskConfig } from '#shared/config/kioskConfig';
import { clearHelpView, type HelpView } from '#shared/contract/helpContract';
import { helpEventVersion, type HelpEvent } from '#shared/help/helpEvent';
import { fail, ok, type Result } from '#shared/result';
import type { SignalLightControl } from '../devices/signalLight/lightState';
import type { Logger } from '../logging/logger';
import { berlinIsoTime } from '../queue/berlinTime';
import { systemClock, type Clock } from '../session/clock';
import type { ResetParticipant } from '../session/resetCoordinator';
import { clearHelpCall, helpCallTransition, type HelpCallCommand, type HelpCallContext, type HelpCallEventType, type HelpCallState } from './helpCall';
import type { HelpOutbox } from './helpOutbox';

/**
 * The terminal's call for help (docs/architecture.md, "Help calls and staff"): owns the call's state
 * (transitions in helpCall.ts), the escalation timer, the help input of the signal light, and
 * hands every change of the call to the outbox as a HelpEvent for the remote channels.
 *
 * Session rules: a reset that ends a citizen's session (end, idle, trigger) cancels a call made in
 * that session, because the person who asked has left; a staff reset resolves any open call, since
 * staff are at the terminal. A call made on the attract screen belongs to no session: a session
 * start does not touch it, and only staff (or the caller) end it.
 *
 * Nothing of the call itself is persisted: after a restart the screen and the light show no call.
 * Its events already in the outbox are still delivered after the restart (the outbox resumes), so
 * staff hear of it, and of nothing later; the receiver sees an open call that never closes.
 */

export interface HelpServiceOptions {
  readonly terminal: Pick<KioskConfig['terminal'], 'id' | 'name' | 'site'>;
  readonly help: Pick<HelpConfig, 'escalateAfterSeconds' | 'location' | 'channels'>;
  /** The durable outbox; null without a data folder: calls then reach only the terminal's own light and screen. */
  readonly outbox: Pick<HelpOutbox, 'start' | 'stop' | 'enqueue'> | null;
  /** The light's one decider; this service sets its `help` input. */
  readonly light?: Pick<SignalLightControl, 'update'> | null;
  /** The running citizen session's id; null on the attract screen. */
  readonly sessionId: () => string | null;
  readonly logger: Logger;
  readonly clock?: Clock;
}

/** Gets the call as it is now and what happened to it (the event staff channels were sent). */
type Listener = (view: HelpView, type: HelpCallEventType) => void;

/** What the UI sees of a call state. */
export function helpViewOf(state: HelpCallState): HelpView {
  if (state.status === 'clear') return { ...clearHelpView };
  return { status: state.status, callId: state.callId, escalated: state.escalated, requestedAt: state.requestedAt };
}

/** The call for help; see the module comment. No method throws. */
export class HelpService {
  readonly #options: HelpServiceOptions;
  readonly #clock: Clock;
  readonly #listeners = new Set<Listener>();
  /** Channels that hear of a call only from its escalation on. */
  readonly #escalationOnly: ReadonlySet<string>;
  #state: HelpCallState = clearHelpCall;
  /** The session the open call was made in; null when made on the attract screen. */
  #callSession: string | null = null;
  #escalationTimer: unknown = null;
  /** The enqueues in order of the changes. */
  #queue: Promise<void> = Promise.resolve();

  constructor(options: HelpServiceOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#escalationOnly = new Set(options.help.channels.filter((c) => c.when === 'escalation').map((c) => c.name));
    if (options.outbox === null) {
      options.logger.warn(
        { event: 'help-local-only', channels: options.help.channels.length },
        'help calls cannot be delivered remotely (no data folder for the outbox); only the light and the screen show them',
      );
    }
  }

  /** The call as the UI sees it now. */
  view(): HelpView {
    return helpViewOf(this.#state);
  }

  /** Calls the listener after every change of the call; returns an unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Starts delivering the outbox (including what a previous run left). */
  async start(): Promise<void> {
    await this.#options.outbox?.start();
  }

  /** Stops the escalation timer and the outbox, after every change so far is in the outbox. */
  async stop(): Promise<void> {
    this.#clearTimer();
    await this.#queue;
    await this.#options.outbox?.stop();
  }

  /** The citizen confirmed "call staff"; a second request while a call is open changes nothing. */
  request(context: HelpCallContext): Promise<Result<HelpView>> {
    return this.#run({ type: 'request', at: this.#clock.now(), callId: randomUUID(), screen: context.screen, language: context.language });
  }

  /**
   * Tells staff of something at the terminal that is not a citizen's call (the PIN pad locked): one
   * "requested" event with a call id of its own and the given screen id, for the channels a new
   * call goes to. The terminal's call, light and screen stay as they are, and no later event
   * closes it: the receiver's staff close it there. Resolves once it is in the outbox.
   */
  alert(context: HelpCallContext): Promise<Result<void>> {
    const outbox = this.#options.outbox;
    if (outbox === null) return Promise.resolve(fail('unavailable', 'no outbox: help events reach only the terminal'));
    const event = this.#helpEvent('requested', randomUUID(), context);
    this.#options.logger.info({ event: 'help-alert', screen: context.screen, callId: event.callId }, 'staff alerted through the help channels');
    let result: Result<void> = ok(undefined);
    // Behind the call's own events, so receivers get them in the order they happened.
    this.#queue = this.#queue.then(async () => {
      result = await outbox.enqueue(event, (name) => !this.#escalationOnly.has(name));
    });
    return this.#queue.then(() => result);
  }

  /** The citizen takes the call back; with no call open (staff just resolved it) it answers the clear view. */
  cancel(): Promise<Result<HelpView>> {
    if (this.#state.status === 'clear') return Promise.resolve(ok(this.view()));
    return this.#run({ type: 'cancel', at: this.#clock.now() });
  }

  /** Staff saw the call ("someone is coming"); `callId` (from afar) must name the open call. */
  acknowledge(callId?: string): Promise<Result<HelpView>> {
    return this.#run(callId === undefined ? { type: 'acknowledge', at: this.#clock.now() } : { type: 'acknowledge', at: this.#clock.now(), callId });
  }

  /** Staff arrived and helped; `callId` (from afar) must name the open call. */
  resolve(callId?: string): Promise<Result<HelpView>> {
    return this.#run(callId === undefined ? { type: 'resolve', at: this.#clock.now() } : { type: 'resolve', at: this.#clock.now(), callId });
  }

  /** Applies the session rules of the module comment at every session reset. */
  resetParticipant(): ResetParticipant {
    return {
      name: 'help-call',
      reset: async ({ reason }) => {
        if (this.#state.status === 'clear') return;
        if (reason === 'staff') await this.resolve();
        // Sessions never overlap and each one's reset runs this: a call with a session is this session's.
        else if (this.#callSession !== null) await this.cancel();
      },
    };
  }

  async #run(command: HelpCallCommand): Promise<Result<HelpView>> {
    const before = this.#state;
    const transition = helpCallTransition(before, command);
    if (!transition.ok) return fail(transition.error.code, transition.error.detail);
    const { state, event } = transition.value;
    if (event === null) return ok(this.view());
    this.#state = state;
    if (command.type === 'request') this.#callSession = this.#options.sessionId();
    if (state.status === 'requested' && !state.escalated) this.#armEscalation(state.callId, state.requestedAt);
    else this.#clearTimer();
    // The open call, or the one just closed: its context and whether it escalated.
    const call = state.status === 'clear' ? before : state;
    if (call.status === 'clear') return ok(this.view());
    const view = this.view();
    this.#options.logger.info({ event: 'help-call', type: event.type, callId: event.callId, escalated: call.escalated }, `help call ${event.type}`);
    // On disk first: the screen and the light say "called" only once a crash can no longer lose the
    // call. Enqueues are chained, so listeners still hear of changes in the order they happened.
    await this.#enqueue(this.#helpEvent(event.type, event.callId, call), call.escalated);
    void this.#options.light?.update({ help: state.status });
    for (const listener of this.#listeners) listener(view, event.type);
    return ok(view);
  }

  #helpEvent(type: HelpEvent['type'], callId: string, context: HelpCallContext): HelpEvent {
    const { id, name, site } = this.#options.terminal;
    return {
      version: helpEventVersion,
      eventId: randomUUID(),
      callId,
      type,
      at: berlinIsoTime(new Date(this.#clock.now())),
      terminal: { id, name, site },
      location: this.#options.help.location,
      screen: context.screen,
      language: context.language,
    };
  }

  /** Queues the event behind the earlier ones; escalation channels get it only once the call escalated. */
  #enqueue(event: HelpEvent, escalated: boolean): Promise<void> {
    const outbox = this.#options.outbox;
    if (outbox === null) return this.#queue;
    const channels = escalated ? undefined : (name: string) => !this.#escalationOnly.has(name);
    // The outbox logs a failed write and still delivers from memory; nothing more to do here.
    this.#queue = this.#queue.then(async () => {
      await outbox.enqueue(event, channels);
    });
    return this.#queue;
  }

  #armEscalation(callId: string, requestedAt: number): void {
    this.#clearTimer();
    const due = requestedAt + this.#options.help.escalateAfterSeconds * 1000;
    this.#escalationTimer = this.#clock.setTimeout(
      () => {
        this.#escalationTimer = null;
        void this.#run({ type: 'escalate', at: this.#clock.now(), callId });
      },
      Math.max(0, due - this.#clock.now()),
    );
  }

  #clearTimer(): void {
    if (this.#escalationTimer !== null) this.#clock.clearTimeout(this.#escalationTimer);
    this.#escalationTimer = null;
  }
}

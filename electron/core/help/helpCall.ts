import { fail, ok, type Result } from '#shared/result';
import type { UiLanguage } from '#shared/i18n/languages';

/**
 * The call for help of one terminal (docs/architecture.md, "Help calls and staff"), modelled on the emergency call
 * of the open-source ZMS: clear → requested → acknowledged ("help is coming") → clear. The citizen
 * asks and may cancel; staff acknowledge (from afar or at the terminal) and resolve on arrival; a
 * call nobody acknowledged in time is escalated once (a second channel, a louder signal).
 * Pure: the service around it owns the clock, the signal light and the outbox.
 */

export type HelpCallStatus = 'clear' | 'requested' | 'acknowledged';

/** What a call carries besides its id: where the citizen was, and in which language. No personal data. */
export interface HelpCallContext {
  /** The screen (step) the citizen asked from, e.g. "info-search". */
  readonly screen: string;
  readonly language: UiLanguage;
}

export type HelpCallState =
  | { readonly status: 'clear' }
  | (HelpCallContext & {
      readonly status: 'requested';
      readonly callId: string;
      readonly requestedAt: number;
      /** Nobody acknowledged in time: the second channel and the louder signal are on. */
      readonly escalated: boolean;
    })
  | (HelpCallContext & {
      readonly status: 'acknowledged';
      readonly callId: string;
      readonly requestedAt: number;
      readonly acknowledgedAt: number;
      readonly escalated: boolean;
    });

export type HelpCallCommand =
  | (HelpCallContext & { readonly type: 'request'; readonly at: number; readonly callId: string })
  /** The citizen takes the call back. */
  | { readonly type: 'cancel'; readonly at: number }
  /** Staff saw it ("someone is coming"); `callId` when it came from afar, to ignore a stale one. */
  | { readonly type: 'acknowledge'; readonly at: number; readonly callId?: string }
  /** Staff arrived and helped. */
  | { readonly type: 'resolve'; readonly at: number; readonly callId?: string }
  /** The time for an acknowledgement ran out. */
  | { readonly type: 'escalate'; readonly at: number; readonly callId: string };

/** What staff channels hear about a call. */
export type HelpCallEventType = 'requested' | 'acknowledged' | 'escalated' | 'cancelled' | 'resolved';

export interface HelpCallTransition {
  readonly state: HelpCallState;
  /** The event to send to staff, or null when nothing changed (a second tap on "help"). */
  readonly event: { readonly type: HelpCallEventType; readonly callId: string } | null;
}

export const clearHelpCall: HelpCallState = { status: 'clear' };

/** The next state of a call and what staff hear about it; a command that does not fit the state is refused. */
export function helpCallTransition(state: HelpCallState, command: HelpCallCommand): Result<HelpCallTransition> {
  const unchanged = ok<HelpCallTransition>({ state, event: null });
  if (state.status === 'clear') {
    if (command.type !== 'request') return fail('invalid-state', `no call to ${command.type}`);
    const next: HelpCallState = {
      status: 'requested',
      callId: command.callId,
      requestedAt: command.at,
      escalated: false,
      screen: command.screen,
      language: command.language,
    };
    return ok({ state: next, event: { type: 'requested', callId: command.callId } });
  }
  const { callId } = state;
  // A command about another (older) call changes nothing of this one.
  if ('callId' in command && command.callId !== undefined && command.type !== 'request' && command.callId !== callId) {
    return fail('invalid-state', `call ${command.callId} is not the open call`);
  }
  switch (command.type) {
    case 'request':
      // Asked twice: the call is already on its way.
      return unchanged;
    case 'cancel':
      return ok({ state: clearHelpCall, event: { type: 'cancelled', callId } });
    case 'resolve':
      return ok({ state: clearHelpCall, event: { type: 'resolved', callId } });
    case 'acknowledge':
      if (state.status === 'acknowledged') return unchanged;
      return ok({ state: { ...state, status: 'acknowledged', acknowledgedAt: command.at }, event: { type: 'acknowledged', callId } });
    case 'escalate':
      // Only a call still waiting for someone, and only once.
      if (state.status !== 'requested' || state.escalated) return unchanged;
      return ok({ state: { ...state, escalated: true }, event: { type: 'escalated', callId } });
  }
}

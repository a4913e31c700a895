import type { sessionRequestChannels } from '#shared/contract/sessionContract';
import { fail, ok } from '#shared/result';
import type { RequestHandlers } from '../ipc/ipcRouter';
import type { RendererResetParticipant } from './rendererReset';
import type { SessionLifecycle } from './sessionLifecycle';

export type SessionHandlers = Pick<RequestHandlers, keyof typeof sessionRequestChannels>;

export interface SessionHandlersDeps {
  readonly session: Pick<SessionLifecycle, 'start' | 'activity' | 'extend' | 'reset'>;
  /** The UI's part of a reset: it confirms each reset by id. */
  readonly rendererReset: Pick<RendererResetParticipant, 'confirm'>;
  /** While the terminal is out of order no session starts (the UI shows the out-of-order screen). */
  readonly outOfOrder: { isOn(): boolean };
}

/** The session.* channels: start, activity, more time, end, and the UI's confirmation of a reset. */
export function createSessionHandlers(deps: SessionHandlersDeps): SessionHandlers {
  const { session, rendererReset, outOfOrder } = deps;
  return {
    'session.start': () => (outOfOrder.isOn() ? fail('invalid-state', 'the terminal is out of order') : session.start()),
    'session.activity': () => {
      session.activity();
      return ok({});
    },
    'session.extend': () => session.extend(),
    'session.end': () => {
      void session.reset('end');
      return ok({});
    },
    'session.resetComplete': ({ resetId }) => (rendererReset.confirm(resetId) ? ok({}) : fail('invalid-state', 'no such reset in progress')),
  };
}

import type { KioskConfig } from '../../../shared/config/kioskConfig';
import type { EventChannel, EventPayloadOf } from '../../../shared/contract/channels';
import { fail, ok } from '../../../shared/result';
import { createIpcRouter, type IpcRouter } from '../ipc/ipcRouter';
import type { Logger } from '../logging/logger';
import { systemClock, type Clock } from '../session/clock';
import { RendererResetParticipant } from '../session/rendererReset';
import { ResetCoordinator } from '../session/resetCoordinator';
import { SessionLifecycle } from '../session/sessionLifecycle';

export type EventSink = <E extends EventChannel>(event: E, payload: EventPayloadOf<E>) => void;

export interface KioskCoreOptions {
  readonly config: KioskConfig;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Called when the UI did not confirm a reset in time; the host reloads the kiosk page. */
  readonly reloadUi: () => Promise<void> | void;
  /** How long a reset waits for the UI's confirmation. */
  readonly uiResetTimeoutMs?: number;
}

export interface KioskCore {
  readonly config: KioskConfig;
  readonly router: IpcRouter;
  readonly session: SessionLifecycle;
  readonly resets: ResetCoordinator;
  /** Forwards every main→renderer event to the host's transport; returns an unsubscribe function. */
  onEvent(sink: EventSink): () => void;
  dispose(): void;
}

/** The composition of host-agnostic services that both hosts run. */
export function createKioskCore(options: KioskCoreOptions): KioskCore {
  const clock = options.clock ?? systemClock;
  const { config, logger } = options;
  const resets = new ResetCoordinator(logger);
  const rendererReset = new RendererResetParticipant(clock, options.uiResetTimeoutMs ?? 5000, async () => {
    logger.warn({ event: 'ui-reset-timeout' }, 'UI did not confirm the reset; reloading it');
    try {
      await options.reloadUi();
    } catch (error) {
      logger.error({ event: 'ui-reload-failed', err: String(error) }, 'reloading the UI failed');
    }
  });
  resets.register(rendererReset);
  const session = new SessionLifecycle({ timings: config.session, clock, resets, logger });
  const sinks = new Set<EventSink>();
  session.onChange((snapshot) => {
    for (const sink of sinks) sink('session.changed', snapshot);
  });

  const router = createIpcRouter(
    {
      'app.bootstrap': () =>
        ok({
          terminal: { ...config.terminal },
          languages: { default: config.languages.default, offered: [...config.languages.offered] },
          session: { ...config.session },
          snapshot: session.snapshot(),
        }),
      'session.start': () => session.start(),
      'session.activity': () => {
        session.activity();
        return ok({});
      },
      'session.extend': () => session.extend(),
      'session.end': () => {
        void session.reset('end');
        return ok({});
      },
      'session.resetComplete': ({ resetId }) =>
        rendererReset.confirm(resetId) ? ok({}) : fail('invalid-state', 'no such reset in progress'),
    },
    logger,
  );

  return {
    config,
    router,
    session,
    resets,
    onEvent(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    dispose() {
      session.dispose();
      sinks.clear();
    },
  };
}

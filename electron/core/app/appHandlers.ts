import type { KioskConfig } from '#shared/config/kioskConfig';
import type { appRequestChannels } from '#shared/contract/appContract';
import { ok } from '#shared/result';
import type { RequestHandlers } from '../ipc/ipcRouter';
import type { SessionLifecycle } from '../session/sessionLifecycle';

export type AppHandlers = Pick<RequestHandlers, keyof typeof appRequestChannels>;

/** app.bootstrap: what the UI needs to start, from the terminal config and the session as it is now. */
export function createAppHandlers(deps: { readonly config: KioskConfig; readonly session: Pick<SessionLifecycle, 'snapshot'> }): AppHandlers {
  const { config, session } = deps;
  return {
    'app.bootstrap': () =>
      ok({
        terminal: { ...config.terminal },
        languages: { default: config.languages.default, offered: [...config.languages.offered] },
        session: { ...config.session },
        keys: { ...config.keys },
        help: { chime: { ...config.help.chime } },
        staff: { gesture: { ...config.staff.gesture }, language: config.staff.language },
        snapshot: session.snapshot(),
      }),
  };
}

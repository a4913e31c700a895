import type { WebContents } from 'electron';
import type { Logger } from '#core/logging/logger';

type RecoverableContents = Pick<WebContents, 'on' | 'reload' | 'forcefullyCrashRenderer'>;

/**
 * Brings the kiosk UI back after a renderer crash or hang: a fresh page first, then a session
 * reset that the new page confirms, so nothing of the interrupted session survives.
 */
export function installUiRecovery(contents: RecoverableContents, deps: { resetSession: () => Promise<unknown>; logger: Logger }): void {
  contents.on('render-process-gone', (_event, details) => {
    deps.logger.error({ event: 'ui-crash', reason: details.reason }, 'kiosk UI gone; reloading');
    contents.reload();
    void deps.resetSession();
  });
  contents.on('unresponsive', () => {
    // Crashing the hung renderer leads to 'render-process-gone' above, which reloads once.
    deps.logger.error({ event: 'ui-hang' }, 'kiosk UI unresponsive; restarting its renderer');
    contents.forcefullyCrashRenderer();
  });
}

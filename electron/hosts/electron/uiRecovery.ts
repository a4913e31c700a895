import type { App, WebContents } from 'electron';
import type { UiFailureDecision } from '#core/app/uiFailures';
import type { Logger } from '#core/logging/logger';

type RecoverableContents = Pick<WebContents, 'on' | 'reload' | 'forcefullyCrashRenderer'>;

/**
 * Brings the kiosk UI back after a renderer crash or hang (README.md, "Self-healing"): the core
 * decides (too many failures: out of order and staff called, no reload loop); a fresh page then
 * comes first, and a session reset that the new page confirms, so nothing of the interrupted
 * session survives.
 */
export function installUiRecovery(
  contents: RecoverableContents,
  deps: { uiFailed: (reason: string) => Promise<UiFailureDecision>; resetSession: () => Promise<unknown>; logger: Logger },
): void {
  contents.on('render-process-gone', (_event, details) => {
    deps.logger.error({ event: 'ui-crash', reason: details.reason }, 'kiosk UI gone');
    void deps.uiFailed(details.reason === 'killed' ? 'ui-hang' : 'ui-crash').then((decision) => {
      if (decision === 'give-up') return;
      contents.reload();
      void deps.resetSession();
    });
  });
  contents.on('unresponsive', () => {
    // Crashing the hung renderer leads to 'render-process-gone' above, which decides what follows.
    deps.logger.error({ event: 'ui-hang' }, 'kiosk UI unresponsive; ending its renderer');
    contents.forcefullyCrashRenderer();
  });
}

/** Logs Chromium's helper processes (GPU, network service, utilities) that died; Electron starts them again. */
export function logChildProcessGone(app: Pick<App, 'on'>, logger: Logger): void {
  app.on('child-process-gone', (_event, details) => {
    logger.warn(
      { event: 'child-process-gone', kind: details.type, reason: details.reason, exitCode: details.exitCode, service: details.serviceName },
      'a Chromium helper process ended; Electron starts it again',
    );
  });
}

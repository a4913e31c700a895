import { errorKind, type Logger } from '../logging/logger';

/**
 * An error nobody caught leaves the host in a state nobody planned for (README.md, "Self-healing").
 * It is logged and the process ends non-zero at once; the supervisor (systemd, the launcher)
 * starts a clean one. Carrying on would risk a kiosk that looks alive and is not.
 */

type ProcessEvents = Pick<NodeJS.Process, 'on'>;

/** Logs an uncaught exception or unhandled rejection, then exits with code 1. */
export function installFatalErrorHandlers(target: ProcessEvents, deps: { logger: () => Logger | null; exit: (code: number) => void }): void {
  let ending = false;
  const fatal = (event: 'uncaught-exception' | 'unhandled-rejection', error: unknown): void => {
    if (ending) return;
    ending = true;
    // The kind and where it happened, never the message: it may quote an address or input.
    const kind = errorKind(error);
    const where =
      error instanceof Error
        ? (error.stack ?? '')
            .split('\n')
            .slice(1, 8)
            .map((line) => line.trim())
        : [];
    const logger = deps.logger();
    if (logger) logger.fatal({ event, err: kind, where }, 'unexpected error in the host; exiting');
    console.error(`Kiosk host: unexpected error (${event}: ${kind}). Exiting so the supervisor starts it again.`);
    deps.exit(1);
  };
  target.on('uncaughtException', (error) => {
    fatal('uncaught-exception', error);
  });
  target.on('unhandledRejection', (reason) => {
    fatal('unhandled-rejection', reason);
  });
}

import { restartExitCode } from '#shared/exitCodes';

/**
 * Whether the launcher starts the kiosk again after it exited: only when staff asked for a restart
 * (restartExitCode) and the launcher itself is not being stopped. Every other end is passed on
 * with its code, so systemd decides about failures (see build/deploy/buergerservice-kiosk.service).
 */
export function restartRequested(code: number | null, stopping: boolean): boolean {
  return !stopping && code === restartExitCode;
}

/**
 * Exit codes of the kiosk process, one contract for both hosts, the launcher (`npm start`),
 * `npm run start:chromium` and the systemd unit (build/deploy/buergerservice-kiosk.service).
 * No imports: the launcher uses this without loading the rest of the contract.
 */

/** Staff quit to the operating system (or a signal stopped the kiosk): nobody starts it again. */
export const quitExitCode = 0;
/** A failure at run time (the browser died, the start failed): systemd starts it again. */
export const failureExitCode = 1;
/** The config is invalid: starting again would fail the same way until someone fixes it. */
export const invalidConfigExitCode = 2;
/** Staff asked for a restart: the launcher (or systemd) starts the kiosk again at once. 75 is EX_TEMPFAIL of sysexits.h. */
export const restartExitCode = 75;

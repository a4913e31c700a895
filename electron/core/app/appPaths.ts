import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the built renderer lives below the app root. */
export function rendererRoot(appRoot: string): string {
  return join(appRoot, 'dist', 'renderer');
}

/**
 * The kiosk's data folder (logs, later: outbox, out-of-order flag). `KIOSK_DATA_DIR` wins; else the
 * XDG state folder, so nothing is written into the app's own install folder.
 */
export function dataDir(env: NodeJS.ProcessEnv): string {
  if (env.KIOSK_DATA_DIR) return env.KIOSK_DATA_DIR;
  const stateHome = env.XDG_STATE_HOME === undefined || env.XDG_STATE_HOME === '' ? join(homedir(), '.local', 'state') : env.XDG_STATE_HOME;
  return join(stateHome, 'buergerservice-kiosk');
}

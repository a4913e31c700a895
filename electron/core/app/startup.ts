import { chooseConfigFile, type PackagedApp } from '../config/configLocation';
import { formatConfigProblems, loadConfig } from '../config/loadConfig';
import type { KioskConfig } from '#shared/config/kioskConfig';
import { createLogger, logLevels, type Logger } from '../logging/logger';
import { dataDir } from './appPaths';
import { dirname, join, resolve } from 'node:path';
import { createContentService, type ContentService } from '../content/contentService';

export type StartupResult =
  | {
      readonly ok: true;
      readonly config: KioskConfig;
      readonly configFile: string;
      readonly logger: Logger;
      readonly dataDir: string;
      /**
       * The content pack service, when the config names a pack (it starts even if the pack is
       * invalid). Still loading: a host starts its window meanwhile and awaits it before the core.
       */
      readonly content: Promise<ContentService | null>;
    }
  | { readonly ok: false; readonly report: string };

/**
 * What both hosts do before anything is shown: choose and validate the config, open the log.
 * An invalid config returns the readable report and nothing is started.
 */
export async function prepareStartup(input: {
  appRoot: string;
  cliConfigPath: string | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Set by the Electron host when it runs installed (`app.isPackaged`): the config then defaults to the system config. */
  packaged?: Pick<PackagedApp, 'resourcesPath'> | undefined;
}): Promise<StartupResult> {
  const packaged: PackagedApp | undefined =
    input.packaged === undefined ? undefined : { resourcesPath: input.packaged.resourcesPath, platform: process.platform, programData: input.env.ProgramData };
  const file = chooseConfigFile({ appRoot: input.appRoot, cliPath: input.cliConfigPath, envPath: input.env.KIOSK_CONFIG, cwd: input.cwd, packaged });
  const loaded = await loadConfig(file);
  if (!loaded.ok) return { ok: false, report: formatConfigProblems(loaded) };
  const level = input.env.KIOSK_LOG_LEVEL ?? 'info';
  if (!logLevels.includes(level))
    return { ok: false, report: `KIOSK_LOG_LEVEL must be one of ${logLevels.join(', ')} (got "${level}"). The kiosk was not started.` };
  const dir = dataDir(input.env);
  let logger: Logger;
  try {
    logger = createLogger({ logDir: join(dir, 'logs'), level });
  } catch (error) {
    return {
      ok: false,
      report: `The log folder ${join(dir, 'logs')} cannot be written (${(error as Error).message}); set KIOSK_DATA_DIR. The kiosk was not started.`,
    };
  }
  logger.info({ event: 'startup', terminal: loaded.config.terminal.id, role: loaded.config.terminal.role }, 'kiosk starting');
  for (const change of loaded.migrated)
    logger.warn({ event: 'config-migrated', change }, 'config of an older format converted in memory; the file is unchanged');
  // An invalid pack does not stop the start: the terminal says information is unavailable and staff see why.
  const folder = loaded.config.contentFolder;
  // Reading and checking the catalogue takes about half a second, and needs nothing of the window.
  const content = folder === null ? Promise.resolve(null) : createContentService({ dir: resolve(dirname(file), folder), logger });
  // Awaited by the host later: a failure meanwhile is not "unhandled"; it surfaces there.
  content.catch(() => undefined);
  return { ok: true, config: loaded.config, configFile: file, logger, dataDir: dir, content };
}

import { dirname, resolve } from 'node:path';
import { migrateConfig } from '#shared/config/configMigrations';
import { kioskConfigSchema, resolveConfig, type KioskConfig } from '#shared/config/kioskConfig';
import type { SecretsFile } from '#shared/config/secretsConfig';
import { schemaProblems, type SchemaProblem } from '../validation/schemaProblems';
import { configRefusal, inlineSecrets, loadSecretsFile, mergeSecrets, readableByOthers, readWithMode } from './configSecrets';

/** One thing wrong with a config file: where (JSON path) and what. */
export type ConfigProblem = SchemaProblem;

export type ConfigLoadResult =
  | {
      readonly ok: true;
      readonly config: KioskConfig;
      readonly file: string;
      /** The conversions from an older format that were applied in memory (empty for a current file). */
      readonly migrated: readonly string[];
    }
  | {
      readonly ok: false;
      readonly file: string;
      readonly problems: readonly ConfigProblem[];
      /** Set when the start is refused for one reason IT must fix first (a file with secrets everybody may read): the whole report. */
      readonly refusal?: string;
    };

/** Secrets read from the secrets file, to be merged before validation. */
export interface LoadedSecrets {
  readonly file: string;
  readonly secrets: SecretsFile;
}

/**
 * Brings already-parsed JSON to the current format, merges the secrets file's secrets into it and
 * validates it; every problem is listed, not just the first.
 */
export function validateConfig(data: unknown, file: string, secrets?: LoadedSecrets): ConfigLoadResult {
  const migration = migrateConfig(data);
  if (!migration.ok) return { ok: false, file, problems: [{ path: 'formatVersion', message: migration.message }] };
  let complete = migration.data;
  if (secrets !== undefined && typeof complete === 'object' && complete !== null && !Array.isArray(complete)) {
    const merged = mergeSecrets(complete as Record<string, unknown>, secrets.secrets, secrets.file);
    if (!merged.ok) return { ok: false, file, problems: merged.problems };
    complete = merged.data;
  }
  const parsed = kioskConfigSchema.safeParse(complete);
  if (parsed.success) return { ok: true, config: resolveConfig(parsed.data), file, migrated: migration.changes };
  const problems = schemaProblems(parsed.error).map(({ path, message }) => ({ path, message }));
  return { ok: false, file, problems };
}

/** How loadConfig checks file modes; tests pass another platform. */
export interface LoadConfigOptions {
  /** Default process.platform; on win32 file modes are not checked (ACLs instead). */
  readonly platform?: NodeJS.Platform;
}

/**
 * Reads and validates a terminal config file, with the secrets file it names. A config that holds
 * secrets itself, or a secrets file, that every user may read is refused with one line
 * (configSecrets.ts). Never throws.
 */
export async function loadConfig(file: string, options: LoadConfigOptions = {}): Promise<ConfigLoadResult> {
  const platform = options.platform ?? process.platform;
  const read = await readWithMode(file);
  if (!read.ok) return { ok: false, file, problems: [{ path: '(file)', message: read.code === 'ENOENT' ? 'file not found' : 'file cannot be read' }] };
  let data: unknown;
  try {
    // Editors on Windows may save a byte order mark; it is not part of the JSON.
    data = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, file, problems: [{ path: '(file)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const inline = inlineSecrets(data);
  if (inline.length > 0 && readableByOthers(read.mode, platform)) return refused(file, configRefusal(file, inline));
  const named = typeof data === 'object' && data !== null && 'secretsFile' in data ? data.secretsFile : undefined;
  // Anything but a usable name is left to the schema to report.
  if (typeof named !== 'string' || named.trim() === '') return validateConfig(data, file);
  const secretsFile = resolve(dirname(file), named.trim());
  const secrets = await loadSecretsFile(secretsFile, platform);
  if (secrets.kind === 'refused') return refused(file, secrets.refusal);
  if (secrets.kind === 'invalid') return { ok: false, file, problems: secrets.problems };
  return validateConfig(data, file, { file: secretsFile, secrets: secrets.secrets });
}

function refused(file: string, refusal: string): ConfigLoadResult {
  return { ok: false, file, problems: [{ path: '(file)', message: refusal }], refusal };
}

/** The readable report printed when a start is refused: the one line of a refusal, else every problem. */
export function formatConfigProblems(result: Extract<ConfigLoadResult, { ok: false }>): string {
  if (result.refusal !== undefined) return result.refusal;
  const lines = [`Kiosk config ${result.file} is invalid (${String(result.problems.length)} problem${result.problems.length === 1 ? '' : 's'}):`];
  for (const problem of result.problems) lines.push(`  - ${problem.path}: ${problem.message}`);
  lines.push('The kiosk was not started.');
  return lines.join('\n');
}

import { readFile } from 'node:fs/promises';
import { migrateConfig } from '#shared/config/configMigrations';
import { kioskConfigSchema, resolveConfig, type KioskConfig } from '#shared/config/kioskConfig';
import { schemaProblems, type SchemaProblem } from '../validation/schemaProblems';

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
  | { readonly ok: false; readonly file: string; readonly problems: readonly ConfigProblem[] };

/** Brings already-parsed JSON to the current format and validates it; every problem is listed, not just the first. */
export function validateConfig(data: unknown, file: string): ConfigLoadResult {
  const migration = migrateConfig(data);
  if (!migration.ok) return { ok: false, file, problems: [{ path: 'formatVersion', message: migration.message }] };
  const parsed = kioskConfigSchema.safeParse(migration.data);
  if (parsed.success) return { ok: true, config: resolveConfig(parsed.data), file, migrated: migration.changes };
  const problems = schemaProblems(parsed.error).map(({ path, message }) => ({ path, message }));
  return { ok: false, file, problems };
}

/** Reads and validates a terminal config file. Never throws. */
export async function loadConfig(file: string): Promise<ConfigLoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'file cannot be read';
    return { ok: false, file, problems: [{ path: '(file)', message: reason }] };
  }
  let data: unknown;
  try {
    // Editors on Windows may save a byte order mark; it is not part of the JSON.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, file, problems: [{ path: '(file)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return validateConfig(data, file);
}

/** The readable report printed when a start is refused. */
export function formatConfigProblems(result: Extract<ConfigLoadResult, { ok: false }>): string {
  const lines = [`Kiosk config ${result.file} is invalid (${String(result.problems.length)} problem${result.problems.length === 1 ? '' : 's'}):`];
  for (const problem of result.problems) lines.push(`  - ${problem.path}: ${problem.message}`);
  lines.push('The kiosk was not started.');
  return lines.join('\n');
}

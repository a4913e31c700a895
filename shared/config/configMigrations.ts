/**
 * The terminal config's format version and the conversions from older ones. Terminals keep their
 * config files for years while the kiosk changes; a file of an older format is converted in
 * memory (the file itself is left as it is, and the startup log says so), one of an unknown or a
 * newer format is refused with a message that says what to do. Every change of the config's shape
 * raises `currentConfigFormatVersion` and adds its step here, with a test (docs/recipes/add-a-config-field.md).
 */

/** The format this kiosk writes and reads; the `formatVersion` of a config file. */
export const currentConfigFormatVersion = 1;

/** One step from a format to the next. */
export interface ConfigMigration {
  readonly from: number;
  readonly to: number;
  /** What the step changes, for the startup log. */
  readonly change: string;
  readonly migrate: (config: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

/** The steps, oldest first. */
export const configMigrations: readonly ConfigMigration[] = [
  {
    // Files written before the config had a version have the shape of format 1.
    from: 0,
    to: 1,
    change: 'no formatVersion (written before format versions): the shape of format 1, formatVersion 1 added',
    migrate: (config) => ({ ...config, formatVersion: 1 }),
  },
];

export type ConfigMigrationResult =
  { readonly ok: true; readonly data: unknown; readonly from: number; readonly changes: readonly string[] } | { readonly ok: false; readonly message: string };

/**
 * Brings parsed config JSON to the current format. A file without `formatVersion` counts as format 0.
 * Data that is no object, or whose version is no whole number, is passed on unchanged for the
 * schema to report.
 */
export function migrateConfig(
  data: unknown,
  migrations: readonly ConfigMigration[] = configMigrations,
  current = currentConfigFormatVersion,
): ConfigMigrationResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: true, data, from: current, changes: [] };
  let config = data as Record<string, unknown>;
  const declared = 'formatVersion' in config ? config.formatVersion : 0;
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0) return { ok: true, data, from: current, changes: [] };
  if (declared > current) {
    return {
      ok: false,
      message: `is ${String(declared)}, but this kiosk reads config formats up to ${String(current)}: update the kiosk, or use a config written for this version`,
    };
  }
  const changes: string[] = [];
  let version = declared;
  while (version < current) {
    const step = migrations.find((migration) => migration.from === version);
    if (step === undefined) {
      return {
        ok: false,
        message: `is ${String(declared)}, and there is no conversion from format ${String(version)}: write the file anew in format ${String(current)} (see kiosk-config/default.json)`,
      };
    }
    config = step.migrate(config);
    changes.push(`${String(step.from)} → ${String(step.to)}: ${step.change}`);
    version = step.to;
  }
  return { ok: true, data: config, from: declared, changes };
}

import { z } from '../zodConfig';

/**
 * How a terminal is run (README.md, "Production mode" and "Self-healing"): production mode, which
 * refuses everything meant for development and tests, and the daily restart at a quiet time.
 */

/** "HH:MM", 24-hour clock, office time (Europe/Berlin). */
const clockTime = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as "HH:MM", e.g. "03:30"')
  .describe('Time of day, office time (Europe/Berlin), as "HH:MM".');

export const productionSchema = z
  .boolean()
  .optional()
  .describe(
    'Production mode: refuse to start with anything meant for development and tests (the Chromium host, --cdp-port, DevTools, simulated devices, the pdf-folder document printer, plain-http tiles). KIOSK_PRODUCTION=1 switches it on too. Default false.',
  );

export const maintenanceConfigSchema = z
  .strictObject({
    dailyRestartAt: clockTime
      .optional()
      .describe(
        'The terminal restarts itself once a day at this time (office time, "HH:MM"), outside opening hours: a fresh process every morning. It waits while someone uses the terminal or the Bürgerservice is open. Default: no daily restart.',
      ),
    logRetentionDays: z
      .number()
      .int()
      .min(1)
      .max(90)
      .optional()
      .describe(
        'The kiosk rotates its log daily and deletes rotated logs older than this many days itself (default 14). The logs hold events, never what a citizen entered.',
      ),
    auditRetentionDays: z
      .number()
      .int()
      .min(1)
      .max(730)
      .optional()
      .describe(
        'Lines of the staff audit log (who unlocked assist mode when, which action) older than this many days are deleted once a day (default 90). The city sets the period; the lines name no person, but a duty roster can relate them to staff.',
      ),
  })
  .describe('Self-maintenance of the terminal.');

export interface MaintenanceConfig {
  /** Minutes after midnight (office time) of the daily restart; null: none. */
  readonly dailyRestartMinute: number | null;
  /** Days a rotated log is kept. */
  readonly logRetentionDays: number;
  /** Days a line of the staff audit log is kept. */
  readonly auditRetentionDays: number;
}

/** Fills in the defaults: no daily restart, logs kept 14 days, staff audit lines 90 days. */
export function resolveMaintenanceConfig(parsed: z.output<typeof maintenanceConfigSchema> | undefined): MaintenanceConfig {
  const retention = { logRetentionDays: parsed?.logRetentionDays ?? 14, auditRetentionDays: parsed?.auditRetentionDays ?? 90 };
  const at = parsed?.dailyRestartAt;
  if (at === undefined) return { dailyRestartMinute: null, ...retention };
  const [hours = 0, minutes = 0] = at.split(':').map(Number);
  return { dailyRestartMinute: hours * 60 + minutes, ...retention };
}

import { z } from '../zodConfig';
import { uiLanguages } from '../i18n/languages';
import { deviceConfigSchema, type DeviceConfig } from './deviceConfig';
import { keypadConfigSchema, resolveKeyMap, type KeyAction } from './keypadConfig';
import { portalConfigSchema, resolvePortalConfig, type PortalConfig } from './portalConfig';
import { helpConfigSchema, resolveHelpConfig, type HelpConfig } from './helpConfig';
import { maintenanceConfigSchema, productionSchema, resolveMaintenanceConfig, type MaintenanceConfig } from './operationsConfig';
import { resolveStaffConfig, staffConfigSchema, type StaffConfig } from './staffConfig';
import { currentConfigFormatVersion } from './configMigrations';

export const terminalRoles = ['info', 'workstation'] as const;
export type TerminalRole = (typeof terminalRoles)[number];

/** Idle timeout and warning length per role when a config leaves them out (docs/architecture.md, "Session"). */
export const sessionDefaults: Readonly<Record<TerminalRole, { idleTimeoutSeconds: number; warningSeconds: number }>> = {
  info: { idleTimeoutSeconds: 90, warningSeconds: 30 },
  workstation: { idleTimeoutSeconds: 180, warningSeconds: 30 },
};

const language = z.enum(uiLanguages);

const sessionSchema = z.strictObject({
  /** Seconds without input before the idle warning appears. */
  idleTimeoutSeconds: z
    .number()
    .int()
    .min(3)
    .max(3600)
    .optional()
    .describe('Seconds without input before the idle warning (default: info 90, workstation 180).'),
  /** Length of the idle warning countdown; at least 20 s so it can be read and answered (WCAG 2.2.1). */
  warningSeconds: z.number().int().min(20).max(600).optional().describe('Length of the idle warning countdown in seconds, at least 20 (default 30).'),
});

/**
 * One terminal's configuration (`kiosk-config/*.json`). Unknown keys are errors so that typos
 * never silently fall back to defaults.
 */
export const kioskConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z
      .literal(currentConfigFormatVersion)
      .describe(
        'The format of this file. An older format is converted at start (with a log line); a file without it counts as written before format versions.',
      ),
    secretsFile: z
      .string()
      .trim()
      .min(1)
      .max(400)
      .optional()
      .describe(
        'Optional JSON file with the secrets, relative to this config file (or absolute): "staff": { "pinHashes": […] } and "help": { "channels": [{ "secret": "…" }, …] } (each secret at its channel\'s place). They may then be left out here. The kiosk refuses to start when that file, or a config that holds secrets itself, may be read by every user (chmod 600, or 640 for the kiosk\'s group).',
      ),
    terminal: z.strictObject({
      id: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be lower-case letters, digits and dashes (2–63 characters)')
        .describe('Unique id of this terminal, used in logs and staff calls.'),
      name: z.string().trim().min(1).max(80).describe('Name of the terminal for staff, e.g. "SB-Arbeitsplatz 1".'),
      role: z.enum(terminalRoles).describe('info: lobby information terminal; workstation: self-service workstation.'),
      site: z.string().trim().min(1).max(120).describe('Name of the place shown to citizens, e.g. "Bürgerservice Jena".'),
    }),
    session: sessionSchema.optional(),
    languages: z
      .strictObject({
        default: language.describe('Language of the attract screen and of every new session.'),
        offered: z.array(language).min(1).max(uiLanguages.length).describe('Languages citizens can choose, in the order shown.'),
      })
      // On the languages object itself, so it is reported even when other parts of the file are wrong.
      .superRefine((languages, ctx) => {
        if (!languages.offered.includes(languages.default)) {
          ctx.addIssue({ code: 'custom', path: ['default'], message: `must be one of the offered languages (${languages.offered.join(', ')})` });
        }
        if (new Set(languages.offered).size !== languages.offered.length) {
          ctx.addIssue({ code: 'custom', path: ['offered'], message: 'lists a language twice' });
        }
      }),
    keypad: keypadConfigSchema.optional(),
    content: z
      .strictObject({
        folder: z.string().trim().min(1).max(400).describe('Folder of the content pack, relative to this config file (or absolute), e.g. "content/jena".'),
      })
      .optional()
      .describe('The content pack: services, topics, building, opening hours, queue categories. Required for the information terminal.'),
    devices: z
      .array(deviceConfigSchema)
      .max(10)
      .optional()
      .describe('The devices this terminal drives; the embedded default uses simulators.')
      .superRefine((devices, ctx) => {
        const seen = new Set<string>();
        devices?.forEach((device, index) => {
          if (seen.has(device.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `device id "${device.id}" is used twice` });
          seen.add(device.id);
        });
      }),
    portal: portalConfigSchema.optional(),
    help: helpConfigSchema.optional(),
    staff: staffConfigSchema.optional(),
    production: productionSchema,
    maintenance: maintenanceConfigSchema.optional(),
  })
  // Runs even when other parts of the file are wrong (`when`), so it is reported together with them.
  .superRefine(
    (config, ctx) => {
      ctx.addIssue({ code: 'custom', path: ['portal'], message: `is only for role "workstation" (this terminal's role is "${config.terminal.role}")` });
    },
    { when: (payload) => hasPortalOnInfoRole(payload.value) },
  );

/** True for `{ terminal: { role: 'info' }, portal: … }`, checked on the raw value. */
function hasPortalOnInfoRole(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !('portal' in value) || value.portal === undefined) return false;
  const terminal = 'terminal' in value ? value.terminal : undefined;
  return typeof terminal === 'object' && terminal !== null && 'role' in terminal && terminal.role === 'info';
}

export type KioskConfigInput = z.input<typeof kioskConfigSchema>;

/** A validated config with every default filled in: what the core works with. */
export interface KioskConfig {
  readonly terminal: { readonly id: string; readonly name: string; readonly role: TerminalRole; readonly site: string };
  readonly session: { readonly idleTimeoutSeconds: number; readonly warningSeconds: number };
  readonly languages: { readonly default: z.infer<typeof language>; readonly offered: readonly z.infer<typeof language>[] };
  readonly devices: readonly DeviceConfig[];
  /** Every key that does something, with its action: keyboard defaults plus the keypad's keys. */
  readonly keys: Readonly<Record<string, KeyAction>>;
  /** The content pack folder as written in the file (the startup resolves it against the file's folder). */
  readonly contentFolder: string | null;
  /** The workstation's online services; null when the file has no `portal` section. */
  readonly portal: PortalConfig | null;
  /** Help calls: escalation, chime and the remote channels (none when the file has no `help` section). */
  readonly help: HelpConfig;
  /** Staff access: PIN hashes, gesture, automatic lock, out-of-order directions. */
  readonly staff: StaffConfig;
  /** Production mode as the file says (KIOSK_PRODUCTION=1 can switch it on too: see isProductionMode). */
  readonly production: boolean;
  /** The daily restart. */
  readonly maintenance: MaintenanceConfig;
}

/** Fills in the role's defaults for anything the file left out. */
export function resolveConfig(parsed: z.output<typeof kioskConfigSchema>): KioskConfig {
  const defaults = sessionDefaults[parsed.terminal.role];
  return {
    terminal: parsed.terminal,
    session: {
      idleTimeoutSeconds: parsed.session?.idleTimeoutSeconds ?? defaults.idleTimeoutSeconds,
      warningSeconds: parsed.session?.warningSeconds ?? defaults.warningSeconds,
    },
    languages: parsed.languages,
    devices: parsed.devices ?? [],
    keys: resolveKeyMap(parsed.keypad),
    contentFolder: parsed.content?.folder ?? null,
    portal: resolvePortalConfig(parsed.portal),
    help: resolveHelpConfig(parsed.help),
    staff: resolveStaffConfig(parsed.staff),
    production: parsed.production ?? false,
    maintenance: resolveMaintenanceConfig(parsed.maintenance),
  };
}

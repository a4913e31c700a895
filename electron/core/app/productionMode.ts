import type { KioskConfig } from '#shared/config/kioskConfig';

/**
 * Production mode (README.md, "Production mode"): a terminal in a public hall refuses to start
 * with anything meant for development and tests. Each refusal is one line an IT person can act on;
 * the host prints them all and exits non-zero, so nothing starts half-configured.
 */

/** What the starting host brings along besides the config. */
export interface HostSwitches {
  readonly host: 'electron' | 'chromium';
  /** The Chromium host's remote-debugging port (--cdp-port), if any. */
  readonly cdpPort: number | undefined;
  /** DevTools asked for (KIOSK_DEVTOOLS=1). */
  readonly devTools: boolean;
}

export type ProductionMode = { readonly ok: true; readonly production: boolean } | { readonly ok: false; readonly refusal: string };

/** Production mode from the config or KIOSK_PRODUCTION ("1" on, "0" or unset: as the config says). */
export function productionMode(config: KioskConfig, env: NodeJS.ProcessEnv): ProductionMode {
  const value = env.KIOSK_PRODUCTION;
  if (value === undefined || value === '' || value === '0') return { ok: true, production: config.production };
  if (value === '1') return { ok: true, production: true };
  return { ok: false, refusal: `KIOSK_PRODUCTION must be 1 (production) or 0 (got "${value}"). The kiosk was not started.` };
}

const prefix = 'Production mode refuses';

/** The lines production mode refuses this start with; empty when it may start. */
export function productionRefusals(config: KioskConfig, switches: HostSwitches): readonly string[] {
  const refusals: string[] = [];
  if (switches.host === 'chromium') {
    refusals.push(`${prefix} the Chromium host: it is for development and tests. Install the kiosk package (Electron); docs/install/linux.de.md says how.`);
  }
  if (switches.cdpPort !== undefined) {
    refusals.push(`${prefix} --cdp-port ${String(switches.cdpPort)}: it lets any local program remote-control the kiosk. Start without it.`);
  }
  if (switches.devTools) refusals.push(`${prefix} DevTools (KIOSK_DEVTOOLS=1): they give a citizen the browser's internals. Unset it.`);
  for (const device of config.devices) {
    if (device.driver === 'simulator') {
      refusals.push(`${prefix} the simulated ${device.kind} "${device.id}": configure the driver of the real device in "devices".`);
    }
  }
  const printer = config.portal?.printer;
  if (printer?.kind === 'pdf-folder') {
    refusals.push(`${prefix} the "pdf-folder" document printer: it keeps citizens' documents as files. Configure "kind": "cups".`);
  }
  for (const tile of config.portal?.tiles ?? []) {
    const plain = [tile.startUrl, ...tile.origins].filter((address) => address.startsWith('http:'));
    if (plain.length > 0) {
      refusals.push(`${prefix} plain http:// for the tile "${tile.id}" (${plain.join(', ')}): it is only for a local test portal. Use https://.`);
    }
  }
  return refusals;
}

/** Both checks a host runs after the config loaded: whether production mode is on, and what it refuses. */
export function checkProductionStart(
  config: KioskConfig,
  env: NodeJS.ProcessEnv,
  switches: HostSwitches,
): { readonly production: boolean; readonly refusals: readonly string[] } {
  const mode = productionMode(config, env);
  if (!mode.ok) return { production: true, refusals: [mode.refusal] };
  return { production: mode.production, refusals: mode.production ? productionRefusals(config, switches) : [] };
}

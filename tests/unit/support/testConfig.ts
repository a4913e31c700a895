import type { KioskConfig } from '#shared/config/kioskConfig';
import { defaultKeyMap } from '#shared/config/keypadConfig';
import { resolveHelpConfig } from '#shared/config/helpConfig';
import { resolveStaffConfig } from '#shared/config/staffConfig';

export function testConfig(overrides: Partial<KioskConfig['session']> = {}, role: 'info' | 'workstation' = 'info'): KioskConfig {
  return {
    terminal: { id: 'test-terminal', name: 'Test terminal', role, site: 'Test site' },
    session: { idleTimeoutSeconds: 90, warningSeconds: 30, ...overrides },
    languages: { default: 'de', offered: ['de', 'en'] },
    devices: [],
    keys: { ...defaultKeyMap },
    contentFolder: null,
    portal: null,
    help: resolveHelpConfig(undefined),
    staff: resolveStaffConfig(undefined),
    production: false,
    maintenance: { dailyRestartMinute: null, logRetentionDays: 14, auditRetentionDays: 90 },
  };
}

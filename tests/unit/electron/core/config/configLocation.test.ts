import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseConfigFile, defaultConfigRelativePath } from '#core/config/configLocation';

const appRoot = '/opt/kiosk';
const cwd = '/home/staff';

describe('chooseConfigFile', () => {
  it('uses the embedded default when nothing is given', () => {
    expect(chooseConfigFile({ appRoot, cwd })).toBe(join(appRoot, 'kiosk-config', 'default.json'));
    expect(defaultConfigRelativePath).toBe(join('kiosk-config', 'default.json'));
  });

  it('prefers --config over KIOSK_CONFIG', () => {
    expect(chooseConfigFile({ appRoot, cwd, cliPath: '/etc/kiosk/cli.json', envPath: '/etc/kiosk/env.json' })).toBe('/etc/kiosk/cli.json');
  });

  it('uses KIOSK_CONFIG when there is no --config', () => {
    expect(chooseConfigFile({ appRoot, cwd, envPath: '/etc/kiosk/env.json' })).toBe('/etc/kiosk/env.json');
  });

  it('ignores an empty KIOSK_CONFIG', () => {
    expect(chooseConfigFile({ appRoot, cwd, envPath: '' })).toBe(join(appRoot, 'kiosk-config', 'default.json'));
  });

  it('resolves relative paths against the working directory', () => {
    expect(chooseConfigFile({ appRoot, cwd, cliPath: 'configs/a.json' })).toBe('/home/staff/configs/a.json');
    expect(chooseConfigFile({ appRoot, cwd, envPath: '../b.json' })).toBe('/home/b.json');
  });

  it('keeps absolute paths as they are', () => {
    expect(chooseConfigFile({ appRoot, cwd, cliPath: '/abs/c.json' })).toBe('/abs/c.json');
  });
});

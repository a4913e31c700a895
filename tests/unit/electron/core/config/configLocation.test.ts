import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledConfigFile, chooseConfigFile, defaultConfigRelativePath, systemConfigFile, type PackagedApp } from '#core/config/configLocation';

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

describe('chooseConfigFile in an installed app', () => {
  const linuxResources = '/opt/buergerservice-kiosk/resources';
  const windowsResources = 'C:\\Program Files\\buergerservice-kiosk\\resources';
  /** A packaged app whose file system holds exactly `files`. */
  const packaged = (platform: NodeJS.Platform, files: string[], programData?: string): PackagedApp => ({
    resourcesPath: platform === 'win32' ? windowsResources : linuxResources,
    platform,
    programData,
    exists: (file) => files.includes(file),
  });

  it('uses /etc/buergerservice-kiosk/kiosk-config.json on Linux when it exists', () => {
    const system = '/etc/buergerservice-kiosk/kiosk-config.json';
    expect(systemConfigFile('linux')).toBe(system);
    expect(chooseConfigFile({ appRoot, cwd, packaged: packaged('linux', [system]) })).toBe(system);
  });

  it('falls back to the default bundled in resources while the system config does not exist', () => {
    expect(chooseConfigFile({ appRoot, cwd, packaged: packaged('linux', []) })).toBe(`${linuxResources}/kiosk-config/default.json`);
    expect(bundledConfigFile({ resourcesPath: linuxResources, platform: 'linux' })).toBe(`${linuxResources}/kiosk-config/default.json`);
  });

  it('uses %ProgramData%\\buergerservice-kiosk\\kiosk-config.json on Windows', () => {
    const system = 'D:\\ProgramData\\buergerservice-kiosk\\kiosk-config.json';
    expect(chooseConfigFile({ appRoot, cwd, packaged: packaged('win32', [system], 'D:\\ProgramData') })).toBe(system);
    expect(chooseConfigFile({ appRoot, cwd, packaged: packaged('win32', [], 'D:\\ProgramData') })).toBe(`${windowsResources}\\kiosk-config\\default.json`);
  });

  it('takes C:\\ProgramData when %ProgramData% is not set', () => {
    expect(systemConfigFile('win32')).toBe('C:\\ProgramData\\buergerservice-kiosk\\kiosk-config.json');
    expect(systemConfigFile('win32', '')).toBe('C:\\ProgramData\\buergerservice-kiosk\\kiosk-config.json');
  });

  it('still lets --config and KIOSK_CONFIG win over the system config', () => {
    const installed = packaged('linux', ['/etc/buergerservice-kiosk/kiosk-config.json']);
    expect(chooseConfigFile({ appRoot, cwd, cliPath: 'lobby.json', packaged: installed })).toBe('/home/staff/lobby.json');
    expect(chooseConfigFile({ appRoot, cwd, envPath: '/srv/kiosk.json', packaged: installed })).toBe('/srv/kiosk.json');
  });

  it('looks at the real file system unless told otherwise', () => {
    const system = systemConfigFile('linux');
    // Whether this machine has an installed kiosk's config decides, not an injected answer.
    const expected = existsSync(system) ? system : `${linuxResources}/kiosk-config/default.json`;
    expect(chooseConfigFile({ appRoot, cwd, packaged: { resourcesPath: linuxResources, platform: 'linux' } })).toBe(expected);
  });
});

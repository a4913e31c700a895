import { describe, expect, it } from 'vitest';
import { configArgument } from '#electron/hosts/electron/configArgument';

describe('configArgument', () => {
  it('reads --config <file> between Electron’s own arguments', () => {
    expect(configArgument(['/usr/bin/electron', '.', '--config', '/etc/kiosk.json', '--no-sandbox'])).toBe('/etc/kiosk.json');
  });

  it('reads --config=<file>', () => {
    expect(configArgument(['/usr/bin/electron', '--config=kiosk-config/workstation.json'])).toBe('kiosk-config/workstation.json');
  });

  it('returns undefined without --config', () => {
    expect(configArgument(['/usr/bin/electron', '.'])).toBeUndefined();
    expect(configArgument([])).toBeUndefined();
  });

  it('returns null when --config has no file, so the start can be refused', () => {
    expect(configArgument(['electron', '--config'])).toBeNull();
    expect(configArgument(['electron', '--config', '--no-sandbox'])).toBeNull();
    expect(configArgument(['electron', '--config='])).toBeNull();
  });

  it('takes the first occurrence and does not match look-alike flags', () => {
    expect(configArgument(['--config=a.json', '--config', 'b.json'])).toBe('a.json');
    expect(configArgument(['--configuration', 'x.json', '--config-file=y.json'])).toBeUndefined();
  });
});

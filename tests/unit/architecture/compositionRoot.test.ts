import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestChannels } from '#shared/contract/channels';
import { findAppRoot } from '#tests/support/appRoot';

/**
 * The composition root only wires (docs/architecture.md, "Two hosts, one core"): every request
 * channel is handled in its capability's handler module, beside the capability's services, and
 * each contract file in shared/contract has that module.
 */

const root = findAppRoot(import.meta.dirname);

describe('composition root', () => {
  it('kioskCore.ts holds no handler of any channel', () => {
    const source = readFileSync(join(root, 'electron', 'core', 'app', 'kioskCore.ts'), 'utf8');
    const handled = Object.keys(requestChannels).filter((channel) => source.includes(`'${channel}'`));
    expect(handled).toEqual([]);
  });

  it('every capability contract has its handler module in the core', () => {
    const folderOf: Record<string, string> = { device: 'devices' };
    const contracts = readdirSync(join(root, 'shared', 'contract')).filter((name) => name.endsWith('Contract.ts'));
    expect(contracts.length).toBeGreaterThanOrEqual(7);
    const missing = contracts
      .map((name) => name.replace(/Contract\.ts$/, ''))
      .map((capability) => join('electron', 'core', folderOf[capability] ?? capability, `${capability}Handlers.ts`))
      .filter((module) => !existsSync(join(root, module)));
    expect(missing).toEqual([]);
  });
});

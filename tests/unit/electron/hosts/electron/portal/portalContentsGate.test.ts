import { describe, expect, it } from 'vitest';
import { PortalContentsGate } from '#electron/hosts/electron/portal/portalContentsGate';

describe('PortalContentsGate', () => {
  it('claims exactly the contents of the announced session during creation', () => {
    const gate = new PortalContentsGate();
    const portalSession = {};
    const other = { session: {} };
    const view = { session: portalSession };
    const second = { session: portalSession };
    const claimed = gate.create(portalSession, () => [gate.claim(other), gate.claim(view), gate.claim(second)]);
    expect(claimed).toEqual([false, true, false]);
    expect(gate.isPortal(view)).toBe(true);
    expect(gate.isPortal(other)).toBe(false);
    expect(gate.isPortal(second)).toBe(false);
  });

  it('claims nothing outside a creation, even in a portal session', () => {
    const gate = new PortalContentsGate();
    const portalSession = {};
    gate.create(portalSession, () => undefined);
    expect(gate.claim({ session: portalSession })).toBe(false);
  });

  it('closes the announcement when creation throws', () => {
    const gate = new PortalContentsGate();
    const portalSession = {};
    expect(() =>
      gate.create(portalSession, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(gate.claim({ session: portalSession })).toBe(false);
  });

  it('does not claim contents whose session cannot be read', () => {
    const gate = new PortalContentsGate();
    const broken = {
      get session(): object {
        throw new Error('destroyed');
      },
    };
    expect(gate.create({}, () => gate.claim(broken))).toBe(false);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { chimeFor, chimeSeconds, chimeTones, maxChimeRepeats, type ChimePlan, type ChimeSettings } from '#renderer/help/helpChime';
import { followHelp } from '#renderer/help/followHelp';
import { useHelpCallStore } from '#renderer/help/helpStore';
import { useTerminalStore } from '#renderer/state/terminalStore';
import { clearHelpView, type HelpView } from '#shared/contract/helpContract';
import type { Bootstrap } from '#shared/contract/appContract';
import type { KioskApi } from '#shared/contract/kioskApi';

const settings: ChimeSettings = { enabled: true, repeats: 2, volume: 0.6 };
const callA = '11111111-1111-4111-8111-111111111111';
const callB = '22222222-2222-4222-8222-222222222222';
const requested = (patch: Partial<HelpView> = {}): HelpView => ({ status: 'requested', callId: callA, escalated: false, requestedAt: 1000, ...patch });

describe('when the help chime sounds', () => {
  it('sounds for a new call, `repeats` times at the configured volume', () => {
    expect(chimeFor(clearHelpView, requested(), settings)).toEqual({ repeats: 2, volume: 0.6 });
  });

  it('sounds again, at full volume, the moment the call escalates', () => {
    expect(chimeFor(requested(), requested({ escalated: true }), settings)).toEqual({ repeats: 2, volume: 1 });
  });

  it('stays quiet for the same state told again, an acknowledgement, a cancel or resolve', () => {
    expect(chimeFor(requested(), requested(), settings)).toBeNull();
    expect(chimeFor(requested({ escalated: true }), requested({ escalated: true }), settings)).toBeNull();
    expect(chimeFor(requested(), requested({ status: 'acknowledged' }), settings)).toBeNull();
    expect(chimeFor(requested({ status: 'acknowledged', escalated: true }), requested({ status: 'acknowledged', escalated: true }), settings)).toBeNull();
    expect(chimeFor(requested(), clearHelpView, settings)).toBeNull();
    expect(chimeFor(clearHelpView, clearHelpView, settings)).toBeNull();
  });

  it('sounds for a new call right after another (a new call id)', () => {
    expect(chimeFor(requested(), requested({ callId: callB }), settings)).toEqual({ repeats: 2, volume: 0.6 });
  });

  it('never sounds when switched off or unknown', () => {
    expect(chimeFor(clearHelpView, requested(), { ...settings, enabled: false })).toBeNull();
    expect(chimeFor(requested(), requested({ escalated: true }), { ...settings, enabled: false })).toBeNull();
    expect(chimeFor(clearHelpView, requested(), null)).toBeNull();
  });
});

describe('the chime’s tones', () => {
  it('is two tones, high then low, per repeat, each repeat after the last has faded', () => {
    const tones = chimeTones({ repeats: 2, volume: 0.5 });
    expect(tones).toHaveLength(4);
    expect(tones[0]?.frequency).toBeGreaterThan(tones[1]?.frequency ?? Infinity);
    for (let i = 1; i < tones.length; i += 1) expect(tones[i]?.at).toBeGreaterThan(tones[i - 1]?.at ?? Infinity);
    const secondRepeat = tones[2]?.at ?? 0;
    const firstEnds = Math.max(...tones.slice(0, 2).map((t) => t.at + t.duration));
    expect(secondRepeat).toBeGreaterThanOrEqual(firstEnds);
  });

  it('is never endless: at most five repeats, at least one, and it ends within seconds', () => {
    expect(chimeTones({ repeats: 50, volume: 1 })).toHaveLength(2 * maxChimeRepeats);
    expect(chimeTones({ repeats: 0, volume: 1 })).toHaveLength(2);
    expect(chimeSeconds({ repeats: maxChimeRepeats, volume: 1 })).toBeLessThan(10);
  });
});

function fakeApi(status: HelpView) {
  const listeners = new Set<(view: HelpView) => void>();
  let answer: (() => void) | null = null;
  const api = {
    invoke: (channel: string) => {
      if (channel !== 'help.status') return Promise.resolve({ ok: true, value: {} });
      return new Promise((resolve) => {
        answer = () => {
          resolve({ ok: true, value: status });
        };
      });
    },
    on: (_event: string, listener: (view: HelpView) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    api: api as unknown as KioskApi,
    emit: (view: HelpView) => {
      for (const l of listeners) l(view);
    },
    answerStatus: async () => {
      answer?.();
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

describe('followHelp', () => {
  let played: ChimePlan[] = [];
  beforeEach(() => {
    played = [];
    useHelpCallStore.setState(useHelpCallStore.getInitialState(), true);
    useTerminalStore.setState({ bootstrap: { help: { chime: settings } } as unknown as Omit<Bootstrap, 'snapshot'> });
  });

  it('takes the state after a reload as given (an open call does not chime again), then chimes once per change', async () => {
    const { api, emit, answerStatus } = fakeApi(requested());
    const stop = followHelp(api, (plan) => played.push(plan));
    await answerStatus();
    expect(useHelpCallStore.getState().view.status).toBe('requested');
    expect(played).toEqual([]);
    emit(requested({ escalated: true }));
    expect(played).toEqual([{ repeats: 2, volume: 1 }]);
    stop();
  });

  it('a call seen in the answer to help.request and again in help.changed chimes once', async () => {
    const { api, emit, answerStatus } = fakeApi(clearHelpView);
    const stop = followHelp(api, (plan) => played.push(plan));
    await answerStatus();
    useHelpCallStore.getState().setView(requested());
    emit(requested());
    expect(played).toEqual([{ repeats: 2, volume: 0.6 }]);
    emit(requested({ status: 'acknowledged' }));
    emit(clearHelpView);
    expect(played).toHaveLength(1);
    stop();
    emit(requested({ callId: callB }));
    expect(played).toHaveLength(1);
  });

  it('follows the core: the call clears when the core clears it', async () => {
    const { api, emit, answerStatus } = fakeApi(clearHelpView);
    const stop = followHelp(api, (plan) => played.push(plan));
    await answerStatus();
    emit(requested());
    expect(useHelpCallStore.getState().view.status).toBe('requested');
    emit(clearHelpView);
    expect(useHelpCallStore.getState().view).toEqual(clearHelpView);
    stop();
  });
});

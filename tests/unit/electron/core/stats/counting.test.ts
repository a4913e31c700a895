import { describe, expect, it } from 'vitest';
import type { IpcRouter } from '#core/ipc/ipcRouter';
import type { HelpCallEventType } from '#core/help/helpCall';
import type { CounterName } from '#core/stats/counters';
import { countHelp, countingRouter, countSessions } from '#core/stats/counting';
import { clearHelpView, type HelpView } from '#shared/contract/helpContract';
import { fail, ok, type Result } from '#shared/result';
import { initialSessionSnapshot, type SessionSnapshot } from '#shared/session/sessionState';

function recorder() {
  const counted: CounterName[] = [];
  return { counted, counters: { increment: (name: CounterName) => counted.push(name) } };
}

/** A source of changes like the services' onChange. */
function source<A extends unknown[]>() {
  const listeners = new Set<(...args: A) => void>();
  return {
    onChange: (listener: (...args: A) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (...args: A) => {
      for (const listener of listeners) listener(...args);
    },
  };
}

const callId = '0b9f3c8e-3f0a-4d7e-9a55-6f2b1c1d2e3f';
const otherCall = '1c8e2d7f-4e1b-4c6d-8b44-7e3a2b2c3d4e';

describe('counting', () => {
  it('counts sessions started and ended by reason from the lifecycle', () => {
    const { counted, counters } = recorder();
    const session = source<[SessionSnapshot]>();
    countSessions(session, counters);
    const snap = (patch: Partial<SessionSnapshot>): SessionSnapshot => ({ ...initialSessionSnapshot, ...patch });
    session.emit(snap({ state: 'active', sessionId: 's1' }));
    session.emit(snap({ state: 'idle-warning', sessionId: 's1' }));
    session.emit(snap({ state: 'active', sessionId: 's1' }));
    session.emit(snap({ state: 'resetting', sessionId: 's1', resetId: 'r1' }));
    session.emit(snap({ state: 'attract', lastEnd: { reason: 'idle', at: 1 } }));
    session.emit(snap({ state: 'active', sessionId: 's2' }));
    session.emit(snap({ state: 'resetting', sessionId: 's2', resetId: 'r2' }));
    session.emit(snap({ state: 'attract', lastEnd: { reason: 'staff', at: 2 } }));
    expect(counted).toEqual(['sessions-started', 'sessions-ended-idle', 'sessions-started', 'sessions-ended-staff']);
  });

  it('counts help calls by the event the service names with each change', () => {
    const { counted, counters } = recorder();
    const help = source<[HelpView, HelpCallEventType]>();
    countHelp(help, counters);
    const requested: HelpView = { status: 'requested', callId, escalated: false, requestedAt: 1 };
    help.emit(requested, 'requested');
    help.emit({ ...requested, escalated: true }, 'escalated');
    help.emit({ ...requested, status: 'acknowledged', escalated: true }, 'acknowledged');
    help.emit(clearHelpView, 'resolved');
    help.emit({ ...requested, callId: otherCall }, 'requested');
    help.emit(clearHelpView, 'cancelled');
    expect(counted).toEqual(['help-requested', 'help-escalated', 'help-acknowledged', 'help-resolved', 'help-requested', 'help-cancelled']);
  });

  it('counts prints and queue tickets from the router answers, never failures', async () => {
    const { counted, counters } = recorder();
    const answers: Record<string, Result<unknown>> = {
      'printer.print': ok({ status: 'printed' }),
      'content.printSlip': ok({ print: { status: 'failed', reason: 'no-printer' }, printedIn: 'de' }),
      'queue.draw': ok({ ticket: {}, print: { status: 'printed' }, printedIn: 'de' }),
      'session.start': ok({}),
      'portal.print': fail('unavailable'),
    };
    const inner: IpcRouter = { handle: (channel) => Promise.resolve(answers[String(channel)] ?? fail('unknown-channel')) };
    const router = countingRouter(inner, counters);
    for (const channel of Object.keys(answers)) {
      expect(await router.handle(channel, {}, { trusted: true, description: 'test' })).toBe(answers[channel]);
    }
    expect(counted).toEqual(['prints', 'queue-tickets', 'prints']);
  });
});

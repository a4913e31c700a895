import { describe, expect, it } from 'vitest';
import { clearHelpCall, helpCallTransition, type HelpCallCommand, type HelpCallState } from '#core/help/helpCall';

const request: HelpCallCommand = { type: 'request', at: 1000, callId: 'call-1', screen: 'info-search', language: 'ar' };

/** Runs commands from `state`, failing the test on a refused one; returns the states and the events. */
function run(state: HelpCallState, commands: readonly HelpCallCommand[]) {
  const events: string[] = [];
  let current = state;
  for (const command of commands) {
    const result = helpCallTransition(current, command);
    if (!result.ok) throw new Error(`refused ${command.type}: ${result.error.detail ?? ''}`);
    current = result.value.state;
    if (result.value.event) events.push(`${result.value.event.type} ${result.value.event.callId}`);
  }
  return { state: current, events };
}

describe('helpCallTransition', () => {
  it('clear → requested → acknowledged → resolved (clear), one event each', () => {
    const { state, events } = run(clearHelpCall, [request, { type: 'acknowledge', at: 2000 }, { type: 'resolve', at: 3000 }]);
    expect(state).toEqual(clearHelpCall);
    expect(events).toEqual(['requested call-1', 'acknowledged call-1', 'resolved call-1']);
  });

  it('keeps where and in which language the citizen asked, and when', () => {
    const { state } = run(clearHelpCall, [request, { type: 'acknowledge', at: 2500 }]);
    expect(state).toEqual({
      status: 'acknowledged',
      callId: 'call-1',
      requestedAt: 1000,
      acknowledgedAt: 2500,
      escalated: false,
      screen: 'info-search',
      language: 'ar',
    });
  });

  it('a second tap on help changes nothing and tells staff nothing new', () => {
    const { state, events } = run(clearHelpCall, [request, { ...request, at: 1500, callId: 'call-2' }]);
    expect(state).toMatchObject({ status: 'requested', callId: 'call-1', requestedAt: 1000 });
    expect(events).toEqual(['requested call-1']);
  });

  it('the citizen can cancel before and after staff acknowledged', () => {
    expect(run(clearHelpCall, [request, { type: 'cancel', at: 1200 }]).events).toEqual(['requested call-1', 'cancelled call-1']);
    expect(run(clearHelpCall, [request, { type: 'acknowledge', at: 1100 }, { type: 'cancel', at: 1200 }]).events).toEqual([
      'requested call-1',
      'acknowledged call-1',
      'cancelled call-1',
    ]);
  });

  it('escalates a call nobody acknowledged, once, and never an acknowledged one', () => {
    const escalate: HelpCallCommand = { type: 'escalate', at: 61_000, callId: 'call-1' };
    const waiting = run(clearHelpCall, [request, escalate, { ...escalate, at: 120_000 }]);
    expect(waiting.state).toMatchObject({ status: 'requested', escalated: true });
    expect(waiting.events).toEqual(['requested call-1', 'escalated call-1']);
    // Acknowledged after the escalation: still known as escalated.
    expect(run(waiting.state, [{ type: 'acknowledge', at: 130_000 }]).state).toMatchObject({ status: 'acknowledged', escalated: true });
    const acknowledged = run(clearHelpCall, [request, { type: 'acknowledge', at: 2000 }, escalate]);
    expect(acknowledged.events).toEqual(['requested call-1', 'acknowledged call-1']);
  });

  it('refuses staff actions and timeouts without an open call, and ones about another call', () => {
    for (const command of [
      { type: 'cancel', at: 1 },
      { type: 'acknowledge', at: 1 },
      { type: 'resolve', at: 1 },
      { type: 'escalate', at: 1, callId: 'call-1' },
    ] as const) {
      expect(helpCallTransition(clearHelpCall, command)).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    }
    const open = run(clearHelpCall, [request]).state;
    expect(helpCallTransition(open, { type: 'acknowledge', at: 2, callId: 'old-call' })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(helpCallTransition(open, { type: 'escalate', at: 2, callId: 'old-call' })).toMatchObject({ ok: false });
    expect(helpCallTransition(open, { type: 'acknowledge', at: 2, callId: 'call-1' })).toMatchObject({ ok: true });
  });
});

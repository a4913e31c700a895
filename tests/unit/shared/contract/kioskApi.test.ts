import { describe, expect, it, vi } from 'vitest';
import { eventChannels, isEventChannel, isRequestChannel, requestChannels, type RequestChannel } from '#shared/contract/channels';
import { createKioskApi, type KioskApi, type KioskTransport } from '#shared/contract/kioskApi';
import type { SessionSnapshot } from '#shared/session/sessionState';

const snapshot: SessionSnapshot = {
  state: 'active',
  sessionId: 'abc-123',
  warningEndsAt: null,
  extensionsUsed: 0,
  resetId: null,
  lastEnd: null,
};

interface FakeTransport extends KioskTransport {
  readonly calls: { channel: string; payload: unknown }[];
  emit(event: string, payload: unknown): void;
  listenerCount(): number;
}

function fakeTransport(respond: (channel: string, payload: unknown) => unknown = () => ({ ok: true, value: {} })): FakeTransport {
  const calls: { channel: string; payload: unknown }[] = [];
  const listeners = new Set<(event: string, payload: unknown) => void>();
  return {
    calls,
    invoke(channel, payload) {
      calls.push({ channel, payload });
      return Promise.resolve(respond(channel, payload));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
    listenerCount: () => listeners.size,
  };
}

/** Calls the API bypassing its static types, as a buggy or hostile caller could. */
function invokeUntyped(api: KioskApi, channel: unknown, payload: unknown) {
  return (api.invoke as (c: unknown, p: unknown) => ReturnType<KioskApi['invoke']>)(channel, payload);
}

describe('channel guards', () => {
  it('recognises exactly the own keys of the contract', () => {
    for (const name of Object.keys(requestChannels)) expect(isRequestChannel(name)).toBe(true);
    for (const name of Object.keys(eventChannels)) expect(isEventChannel(name)).toBe(true);
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'session', 'session.start ']) {
      expect(isRequestChannel(name)).toBe(false);
      expect(isEventChannel(name)).toBe(false);
    }
    for (const name of [undefined, null, 42, {}, ['session.start']]) expect(isRequestChannel(name)).toBe(false);
  });

  it('does not mix request and event channel names', () => {
    expect(isEventChannel('session.start')).toBe(false);
    expect(isRequestChannel('session.changed')).toBe(false);
  });
});

describe('createKioskApi.invoke', () => {
  it('sends a valid payload and returns the validated response', async () => {
    const transport = fakeTransport(() => ({ ok: true, value: snapshot }));
    const api = createKioskApi(transport);
    const result = await api.invoke('session.start', {});
    expect(result).toEqual({ ok: true, value: snapshot });
    expect(transport.calls).toEqual([{ channel: 'session.start', payload: {} }]);
  });

  it('returns a fresh parsed value, not the transport object', async () => {
    const value = { ...snapshot };
    const api = createKioskApi(fakeTransport(() => ({ ok: true, value })));
    const result = await api.invoke('session.start', {});
    expect(result.ok && result.value).not.toBe(value);
  });

  it.each([
    ['session.start', undefined],
    ['session.start', null],
    ['session.start', { extra: 1 }],
    ['session.start', []],
    ['session.resetComplete', {}],
    ['session.resetComplete', { resetId: 5 }],
    ['session.resetComplete', { resetId: '../etc' }],
    ['session.resetComplete', { resetId: 'x'.repeat(65) }],
    ['session.resetComplete', { resetId: 'ok', more: true }],
  ])('never sends an invalid payload to the transport (%s, %j)', async (channel, payload) => {
    const transport = fakeTransport();
    const api = createKioskApi(transport);
    const result = await invokeUntyped(api, channel, payload);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid-payload');
    expect(transport.calls).toHaveLength(0);
  });

  it.each([['no.such.channel'], ['__proto__'], ['constructor'], ['toString'], [42], [null], [Object.create(null) as unknown], [Symbol('x')]])(
    'answers an unknown channel (%j) with unknown-channel without calling the transport',
    async (channel) => {
      const transport = fakeTransport();
      const result = await invokeUntyped(createKioskApi(transport), channel, {});
      expect(!result.ok && result.error.code).toBe('unknown-channel');
      expect(transport.calls).toHaveLength(0);
    },
  );

  it('maps a rejecting transport to internal', async () => {
    const api = createKioskApi({
      invoke: () => Promise.reject(new Error('ipc broke')),
      subscribe: () => () => undefined,
    });
    const result = await api.invoke('session.activity', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', detail: 'transport failed' } });
  });

  it('maps a synchronously throwing transport to internal', async () => {
    const api = createKioskApi({
      invoke: () => {
        throw new Error('boom');
      },
      subscribe: () => () => undefined,
    });
    const result = await api.invoke('session.activity', {});
    expect(!result.ok && result.error.code).toBe('internal');
  });

  it.each([[undefined], [null], ['ok'], [42], [{}], [{ ok: 'true' }], [{ value: {} }], [[true]]])(
    'maps a malformed transport response (%j) to invalid-response',
    async (raw) => {
      const api = createKioskApi(fakeTransport(() => raw));
      const result = await api.invoke('session.activity', {});
      expect(!result.ok && result.error.code).toBe('invalid-response');
    },
  );

  it.each([
    [{ ok: true }],
    [{ ok: true, value: { ...snapshot, state: 'flying' } }],
    [{ ok: true, value: { ...snapshot, extra: 'x' } }],
    [{ ok: true, value: { ...snapshot, sessionId: 'has spaces' } }],
    [{ ok: true, value: {} }],
  ])('maps a response that fails the schema (%j) to invalid-response', async (raw) => {
    const api = createKioskApi(fakeTransport(() => raw));
    const result = await api.invoke('session.start', {});
    expect(!result.ok && result.error.code).toBe('invalid-response');
  });

  it('passes error results through unchanged', async () => {
    const error = { ok: false, error: { code: 'invalid-state', detail: 'a reset is in progress' } };
    const api = createKioskApi(fakeTransport(() => error));
    expect(await api.invoke('session.start', {})).toEqual(error);
  });

  it('maps a malformed error result (no error object, or an unknown code) to invalid-response', async () => {
    for (const raw of [{ ok: false }, { ok: false, error: 'nope' }, { ok: false, error: { code: 'not-a-code' } }]) {
      const result = await createKioskApi(fakeTransport(() => raw)).invoke('session.start', {});
      expect(result, JSON.stringify(raw)).toMatchObject({ ok: false, error: { code: 'invalid-response' } });
    }
  });

  it('returns a frozen API object', () => {
    const api = createKioskApi(fakeTransport());
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });
});

describe('createKioskApi.on', () => {
  it('delivers only the named event, validated', () => {
    const transport = fakeTransport();
    const api = createKioskApi(transport);
    const listener = vi.fn();
    api.on('session.changed', listener);
    transport.emit('session.other', snapshot);
    transport.emit('session.changed', snapshot);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(snapshot);
  });

  it.each([[undefined], [null], ['attract'], [{ ...snapshot, state: 'unknown' }], [{ ...snapshot, extra: 'leak' }], [{ ...snapshot, extensionsUsed: -1 }]])(
    'drops an event whose payload fails the schema (%j)',
    (payload) => {
      const transport = fakeTransport();
      const listener = vi.fn();
      createKioskApi(transport).on('session.changed', listener);
      transport.emit('session.changed', payload);
      expect(listener).not.toHaveBeenCalled();
    },
  );

  it('stops delivering after unsubscribe', () => {
    const transport = fakeTransport();
    const listener = vi.fn();
    const off = createKioskApi(transport).on('session.changed', listener);
    expect(transport.listenerCount()).toBe(1);
    off();
    expect(transport.listenerCount()).toBe(0);
    transport.emit('session.changed', snapshot);
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps independent subscriptions apart', () => {
    const transport = fakeTransport();
    const api = createKioskApi(transport);
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = api.on('session.changed', first);
    api.on('session.changed', second);
    offFirst();
    transport.emit('session.changed', snapshot);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('refuses to subscribe to an unknown event', () => {
    const api = createKioskApi(fakeTransport());
    const untyped = api as unknown as { on(event: unknown, listener: () => void): () => void };
    expect(() => untyped.on('session.start', () => undefined)).toThrow(TypeError);
    expect(() => untyped.on('__proto__', () => undefined)).toThrow(TypeError);
  });
});

describe('contract shape', () => {
  it('has a request and response schema for every channel', () => {
    for (const [name, def] of Object.entries(requestChannels)) {
      expect(typeof def.request.safeParse, name).toBe('function');
      expect(typeof def.response.safeParse, name).toBe('function');
    }
  });

  it('names channels <capability>.<action>', () => {
    const names: string[] = [...Object.keys(requestChannels), ...Object.keys(eventChannels)];
    for (const name of names) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    const typed: RequestChannel = 'app.bootstrap';
    expect(isRequestChannel(typed)).toBe(true);
  });
});

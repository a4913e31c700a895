import type { Result } from '../result';
import { fail } from '../result';
import {
  eventChannels,
  isEventChannel,
  isRequestChannel,
  requestChannels,
  type EventChannel,
  type EventPayloadOf,
  type RequestChannel,
  type RequestOf,
  type ResponseOf,
} from './channels';

/** How a host moves raw messages; the API built on it validates both directions. */
export interface KioskTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Delivers every raw event; returns an unsubscribe function. */
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

/** The whole surface the renderer sees as `window.kiosk`. */
export interface KioskApi {
  invoke<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
}

const resultShape = (value: unknown): value is Result<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

/** Builds `window.kiosk` from the contract on top of a host transport. */
export function createKioskApi(transport: KioskTransport): KioskApi {
  async function invoke<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
    if (!isRequestChannel(channel)) return fail('unknown-channel', String(channel));
    const def = requestChannels[channel];
    if (!def.request.safeParse(payload).success) return fail('invalid-payload', channel);
    let raw: unknown;
    try {
      raw = await transport.invoke(channel, payload);
    } catch {
      return fail('internal', 'transport failed');
    }
    if (!resultShape(raw)) return fail('invalid-response', channel);
    if (!raw.ok) return raw;
    const parsed = def.response.safeParse(raw.value);
    if (!parsed.success) return fail('invalid-response', channel);
    return { ok: true, value: parsed.data as ResponseOf<C> };
  }

  function on<E extends EventChannel>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void {
    if (!isEventChannel(event)) throw new TypeError(`unknown event ${String(event)}`);
    const schema = eventChannels[event];
    return transport.subscribe((name, payload) => {
      if (name !== event) return;
      const parsed = schema.safeParse(payload);
      if (parsed.success) listener(parsed.data);
    });
  }

  return Object.freeze({ invoke, on });
}

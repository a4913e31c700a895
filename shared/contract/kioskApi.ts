import type { Result } from '../result';
import { fail, kioskErrorCodes } from '../result';
import { z } from '../zodConfig';
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

/** The envelope every host answer must have; error codes must be ones the UI can translate. */
const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(kioskErrorCodes), detail: z.string().optional() }) }),
]);

/** Builds `window.kiosk` from the contract on top of a host transport. */
export function createKioskApi(transport: KioskTransport): KioskApi {
  async function invoke<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
    // The name is not echoed: it may not even be a string (String() throws for some objects).
    if (!isRequestChannel(channel)) return fail('unknown-channel', typeof channel === 'string' ? 'no such channel' : `a ${typeof channel} is no channel name`);
    const def = requestChannels[channel];
    if (!def.request.safeParse(payload).success) return fail('invalid-payload', channel);
    let raw: unknown;
    try {
      raw = await transport.invoke(channel, payload);
    } catch {
      return fail('internal', 'transport failed');
    }
    const envelope = envelopeSchema.safeParse(raw);
    if (!envelope.success) return fail('invalid-response', channel);
    if (!envelope.data.ok) {
      const { code, detail } = envelope.data.error;
      return fail(code, detail);
    }
    const parsed = def.response.safeParse(envelope.data.value);
    if (!parsed.success) return fail('invalid-response', channel);
    return { ok: true, value: parsed.data as ResponseOf<C> };
  }

  function on<E extends EventChannel>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void {
    if (!isEventChannel(event)) throw new TypeError(`unknown event ${String(event)}`);
    const schema = eventChannels[event];
    return transport.subscribe((name, payload) => {
      if (name !== event) return;
      const parsed = schema.safeParse(payload);
      if (parsed.success) listener(parsed.data as EventPayloadOf<E>);
    });
  }

  return Object.freeze({ invoke, on });
}

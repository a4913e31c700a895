import { z } from '#shared/zodConfig';
import { isRequestChannel, requestChannels, type RequestChannel, type RequestOf, type ResponseOf } from '#shared/contract/channels';
import { fail, type Result } from '#shared/result';
import type { Logger } from '../logging/logger';
import { errorKind } from '../logging/logger';

/** A handler for each request channel of the contract. */
export type RequestHandlers = {
  readonly [C in RequestChannel]: (payload: RequestOf<C>) => Promise<Result<ResponseOf<C>>> | Result<ResponseOf<C>>;
};

/** Where a call came from, as the host determined it. */
export interface CallOrigin {
  /** True only for the kiosk UI's own top-level frame on the kiosk's own origin. */
  readonly trusted: boolean;
  /** Short description for the log (e.g. the frame URL's origin), never payload data. */
  readonly description: string;
}

export interface IpcRouter {
  /** Validates sender, channel and payload, runs the handler, and always answers with a Result. */
  handle(channel: unknown, payload: unknown, origin: CallOrigin): Promise<Result<unknown>>;
}

/** Every property name a request schema declares, at any depth (its JSON Schema's `properties`). */
export function declaredKeys(schema: z.ZodType): ReadonlySet<string> {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    const properties = (node as { properties?: unknown }).properties;
    if (typeof properties === 'object' && properties !== null) for (const key of Object.keys(properties)) keys.add(key);
    for (const value of Object.values(node)) walk(value);
  };
  try {
    walk(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }));
  } catch {
    // A schema JSON Schema cannot describe: no key is known, every key shows as `*`.
  }
  return keys;
}

/**
 * Where and what a payload got wrong, for the log and the caller: a path shows the schema's own keys
 * and array indexes only. Any other key (of a record, say) was chosen by the sender and may be
 * citizen data, so it shows as `*`; the keys of an unrecognized_keys issue are never shown.
 */
export function issuePaths(error: z.ZodError, known: ReadonlySet<string>): string {
  const segment = (key: PropertyKey): string => (typeof key === 'number' || (typeof key === 'string' && known.has(key)) ? String(key) : '*');
  return error.issues.map((issue) => `${issue.path.map(segment).join('.') || '(root)'}: ${issue.code}`).join('; ');
}

/** How a contract channel name looks (`<capability>.<action>`), to tell a stale UI from garbage in the log. */
const channelNameShape = /^[a-z]+\.[a-zA-Z]+$/;

/**
 * An unknown channel for the log: its type, length and whether it is shaped like a channel name. The
 * name itself was chosen by the sender and may carry anything, so it is never logged.
 */
function unknownChannelFields(channel: unknown): Record<string, unknown> {
  const text = typeof channel === 'string' ? channel : null;
  return { channelType: typeof channel, channelLength: text?.length ?? null, channelShaped: text !== null && channelNameShape.test(text) };
}

/** Builds the host-agnostic request router both hosts put behind their transport. */
export function createIpcRouter(handlers: RequestHandlers, logger: Logger): IpcRouter {
  const knownKeys = new Map<RequestChannel, ReadonlySet<string>>();
  const keysOf = (channel: RequestChannel): ReadonlySet<string> => {
    let keys = knownKeys.get(channel);
    if (keys === undefined) {
      keys = declaredKeys(requestChannels[channel].request);
      knownKeys.set(channel, keys);
    }
    return keys;
  };

  async function dispatch<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<Result<unknown>> {
    const handler = handlers[channel] as (p: RequestOf<C>) => Promise<Result<ResponseOf<C>>> | Result<ResponseOf<C>>;
    return handler(payload);
  }

  return {
    async handle(channel, payload, origin) {
      if (!origin.trusted) {
        logger.warn({ event: 'ipc-rejected', code: 'untrusted-sender', from: origin.description }, 'IPC call rejected');
        return fail('untrusted-sender');
      }
      if (!isRequestChannel(channel)) {
        logger.warn({ event: 'ipc-rejected', code: 'unknown-channel', ...unknownChannelFields(channel) }, 'IPC call rejected');
        return fail('unknown-channel');
      }
      const parsed = requestChannels[channel].request.safeParse(payload);
      if (!parsed.success) {
        const detail = issuePaths(parsed.error, keysOf(channel));
        logger.warn({ event: 'ipc-rejected', code: 'invalid-payload', channel, issues: detail }, 'IPC call rejected');
        return fail('invalid-payload', detail);
      }
      try {
        return await dispatch(channel, parsed.data as RequestOf<typeof channel>);
      } catch (error) {
        logger.error({ event: 'ipc-handler-failed', channel, err: errorKind(error) }, 'IPC handler failed');
        return fail('internal');
      }
    },
  };
}

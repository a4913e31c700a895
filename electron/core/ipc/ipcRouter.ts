import type { z } from 'zod';
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

function issuePaths(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`).join('; ');
}

/** Builds the host-agnostic request router both hosts put behind their transport. */
export function createIpcRouter(handlers: RequestHandlers, logger: Logger): IpcRouter {
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
        const name = typeof channel === 'string' ? channel.slice(0, 80) : `(${typeof channel})`;
        logger.warn({ event: 'ipc-rejected', code: 'unknown-channel', channel: name }, 'IPC call rejected');
        return fail('unknown-channel');
      }
      const parsed = requestChannels[channel].request.safeParse(payload);
      if (!parsed.success) {
        const detail = issuePaths(parsed.error);
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

import type { HelpView } from '#shared/contract/helpContract';
import type { SessionSnapshot, SessionState } from '#shared/session/sessionState';
import type { HelpCallEventType } from '../help/helpCall';
import type { IpcRouter } from '../ipc/ipcRouter';
import type { Counters } from './counters';

/**
 * Where the counters learn what happened: from the changes the services already announce (session,
 * help call) and from the answers the router gives (prints, queue tickets), so no service needs to
 * know about counting. Only that something happened is counted, never what or for whom.
 */

type Count = Pick<Counters, 'increment'>;

/** Counts sessions started and ended (by reason); returns an unsubscribe function. */
export function countSessions(session: { onChange(listener: (snapshot: SessionSnapshot) => void): () => void }, counters: Count): () => void {
  let previous: SessionState = 'attract';
  return session.onChange((snapshot) => {
    if (previous === 'attract' && snapshot.state === 'active') counters.increment('sessions-started');
    if (previous === 'resetting' && snapshot.state === 'attract' && snapshot.lastEnd !== null) counters.increment(`sessions-ended-${snapshot.lastEnd.reason}`);
    previous = snapshot.state;
  });
}

/** Counts help calls by what happened to them (requested, acknowledged, escalated, cancelled, resolved). */
export function countHelp(help: { onChange(listener: (view: HelpView, type: HelpCallEventType) => void): () => void }, counters: Count): () => void {
  return help.onChange((_view, type) => {
    counters.increment(`help-${type}`);
  });
}

/** A router that counts receipts printed and queue tickets drawn from its successful answers. */
export function countingRouter(router: IpcRouter, counters: Count): IpcRouter {
  return {
    async handle(channel, payload, origin) {
      const result = await router.handle(channel, payload, origin);
      if (result.ok) countAnswer(channel, result.value, counters);
      return result;
    },
  };
}

function countAnswer(channel: unknown, value: unknown, counters: Count): void {
  if (channel === 'queue.draw') counters.increment('queue-tickets');
  const printed =
    channel === 'printer.print' ? isPrinted(value) : channel === 'queue.draw' || channel === 'content.printSlip' ? isPrinted(field(value, 'print')) : false;
  if (printed) counters.increment('prints');
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

function isPrinted(value: unknown): boolean {
  return field(value, 'status') === 'printed';
}

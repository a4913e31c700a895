import type { DocumentRead } from '#shared/devices/documentRead';
import { Listeners } from '../device';
import type { Logger } from '../../logging/logger';
import type { ResetParticipant } from '../../session/resetCoordinator';
import type { DocumentReaderDriver } from './documentReaderDriver';
import { readLogFields, summarizeRead, type DocumentSummary } from './documentSummary';

export type { DocumentSummary } from './documentSummary';

/**
 * Holds the current session's ID document read, in memory only, until the next reset. The UI gets
 * a summary without personal data; the logs get event names, format, validity and error codes.
 */
export class DocumentService {
  #current: { readonly sessionId: string | null; readonly read: DocumentRead } | null = null;
  readonly #summaries = new Listeners<DocumentSummary>();
  readonly #unsubscribe: () => void;

  constructor(
    reader: Pick<DocumentReaderDriver, 'id' | 'onRead'>,
    private readonly logger: Logger,
    /** The session a read belongs to; null outside a citizen session (attract, resetting). */
    private readonly currentSessionId: () => string | null = () => 'always',
  ) {
    this.#unsubscribe = reader.onRead((read) => {
      this.#accept(read);
    });
  }

  /** The latest read of this session, or null (nothing read yet, or reset since). */
  current(): DocumentRead | null {
    const current = this.#current;
    return current !== null && current.sessionId === this.currentSessionId() ? current.read : null;
  }

  /** Summaries of each new read, for the UI; returns an unsubscribe function. */
  onSummary(listener: (summary: DocumentSummary) => void): () => void {
    return this.#summaries.add(listener);
  }

  /** The reset participant ('document-reads') that forgets the read at every session reset. */
  resetParticipant(): ResetParticipant {
    return {
      name: 'document-reads',
      reset: () => {
        const had = this.#current !== null;
        this.#current = null;
        this.logger.debug({ event: 'document-read-cleared', had }, 'document read cleared');
      },
    };
  }

  /** Stops listening to the reader and forgets the read. */
  dispose(): void {
    this.#unsubscribe();
    this.#summaries.clear();
    this.#current = null;
  }

  #accept(read: DocumentRead): void {
    const sessionId = this.currentSessionId();
    if (sessionId === null) {
      // Between sessions (or while one is being wiped) a read belongs to nobody: never keep it.
      this.logger.info({ event: 'document-read-outside-session' }, 'document read outside a session dropped');
      return;
    }
    // A later read replaces an earlier one: the citizen put the document on again, or another one.
    this.#current = { sessionId, read };
    this.logger.info({ event: 'document-read', ...readLogFields(read) }, read.ok ? 'document read' : 'document read failed');
    this.#summaries.emit(summarizeRead(read));
  }
}

import type { DocumentRead, DocumentReadError, MrzFormat } from '#shared/devices/documentRead';

/** What the UI and the logs may learn about a read: no names, numbers, dates or MRZ text. */
export type DocumentSummary =
  { readonly status: 'read'; readonly format: MrzFormat; readonly valid: boolean } | { readonly status: 'error'; readonly error: DocumentReadError };

/** The non-personal summary of a read. */
export function summarizeRead(read: DocumentRead): DocumentSummary {
  return read.ok ? { status: 'read', format: read.document.format, valid: read.document.valid } : { status: 'error', error: read.error };
}

/** Log fields for a read: format, validity, error code and the names of failing check fields only. */
export function readLogFields(read: DocumentRead): Record<string, unknown> {
  if (read.ok) return { ok: true, format: read.document.format, valid: read.document.valid };
  return read.failedChecks ? { ok: false, error: read.error, failedChecks: [...read.failedChecks] } : { ok: false, error: read.error };
}

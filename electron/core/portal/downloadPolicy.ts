import type { PortalTile } from '#shared/config/portalConfig';

/**
 * Downloads in a portal view are never saved (docs/architecture.md, "Session": no trace). A PDF — an application
 * form, a receipt — can be printed instead when the tile allows it; everything else is refused.
 */

export interface DownloadRequest {
  /** The response's Content-Type (parameters such as `; charset=…` are ignored). */
  readonly mimeType: string;
  /**
   * The suggested file name. Deliberately not part of the decision: a name is chosen by the page
   * and says nothing about the content, so "Antrag.pdf" with another type is refused.
   */
  readonly filename: string;
  readonly tile: Pick<PortalTile, 'printPdfs'>;
}

export type DownloadRefusal = 'not-pdf' | 'printing-off';

export type DownloadDecision = { readonly action: 'offer-print' } | { readonly action: 'refuse'; readonly reason: DownloadRefusal };

/** Decides a download: offer a PDF (by MIME type) for printing when the tile allows, refuse the rest. */
export function decideDownload(request: DownloadRequest): DownloadDecision {
  const mimeType = request.mimeType.split(';')[0]?.trim().toLowerCase();
  if (mimeType !== 'application/pdf') return { action: 'refuse', reason: 'not-pdf' };
  return request.tile.printPdfs ? { action: 'offer-print' } : { action: 'refuse', reason: 'printing-off' };
}

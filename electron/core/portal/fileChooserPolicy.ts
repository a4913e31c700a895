import type { PortalTile } from '#shared/config/portalConfig';

/**
 * File choosers (`<input type="file">`) of a portal view: a kiosk's file system is not the
 * citizen's, so a chooser would only show the kiosk's own files. Refused, unless the tile names a
 * scan folder; then the chooser is limited to it (the host shows its files, nothing outside).
 */

export type FileChooserDecision = { readonly action: 'limit'; readonly folder: string } | { readonly action: 'refuse'; readonly reason: 'no-upload-folder' };

/** Decides a file chooser: limited to the tile's scan folder, or refused when it has none. */
export function decideFileChooser(tile: Pick<PortalTile, 'uploadFolder'>): FileChooserDecision {
  return tile.uploadFolder === null ? { action: 'refuse', reason: 'no-upload-folder' } : { action: 'limit', folder: tile.uploadFolder };
}

import type { PortalIcon as PortalIconName } from '#shared/config/portalConfig';

/** Simple line drawings, one per icon a tile may name in the config. */
const paths: Readonly<Record<PortalIconName, string>> = {
  document: 'M7 3h7l5 5v13H7zM14 3v5h5M10 13h6M10 17h6',
  car: 'M4 16v-4l2-5h12l2 5v4zM4 16v3M20 16v3M7 13h.01M17 13h.01',
  family: 'M8 7a2 2 0 1 0 0-.01M16 7a2 2 0 1 0 0-.01M4 21v-6a4 4 0 0 1 8 0v6M12 21v-5a4 4 0 0 1 8 0v5',
  'id-card': 'M3 6h18v12H3zM7 10a2 2 0 1 0 0-.01M5 15h5M13 10h5M13 14h5',
  house: 'M3 11l9-7 9 7M5 10v10h14V10M10 20v-6h4v6',
  money: 'M3 7h18v10H3zM12 12a2 2 0 1 0 0-.01M6 10v4M18 10v4',
  globe: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
};

/** The icon of a portal tile. */
export function PortalIcon({ name }: { readonly name: PortalIconName }) {
  return (
    <svg className="icon portal-tile__icon" viewBox="0 0 24 24" width="56" height="56" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

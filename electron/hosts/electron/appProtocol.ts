import { readAsset } from '#core/assets/rendererAssets';

/** The custom scheme the kiosk UI is served from (never `file://`). */
export const appScheme = 'kiosk';
export const appHost = 'app';
export const appOrigin = `${appScheme}://${appHost}`;

/** Privileges for `protocol.registerSchemesAsPrivileged` (standard + secure, so CSP and storage work). */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: false, corsEnabled: false },
} as const;

/** Builds the `protocol.handle` callback: serves the built renderer, nothing else. */
export function createAppProtocolHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost || request.method !== 'GET') return new Response('not found', { status: 404 });
    const asset = await readAsset(rendererRoot, url.pathname);
    return new Response(new Uint8Array(asset.body), { status: asset.status, headers: asset.headers });
  };
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readAsset } from '#core/assets/rendererAssets';

export interface AssetServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves the built kiosk UI on 127.0.0.1 (an ephemeral port), GET and HEAD only. */
export async function startAssetServer(root: string): Promise<AssetServer> {
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    void readAsset(root, request.url ?? '/').then((asset) => {
      response.writeHead(asset.status, asset.headers);
      response.end(request.method === 'HEAD' ? undefined : asset.body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/**
 * A local stand-in for a government online portal, for the end-to-end tests of the kiosk's portal
 * view. Pages write canaries into every browser store (/write), look for them (/check), probe for
 * host APIs (/probe) and post what they saw to the server, which the test reads from Node. A
 * second listener is a "foreign" origin the tile does not allow.
 *
 * Both listeners are on 127.0.0.1 with different ports: different origins, but the same host, and
 * cookies ignore ports, so a cookie set by one is sent to the other.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bigDownloadBytes, escapePage, type EscapeAttack, type EscapeReport } from './testPortal/escapePage';
import { buildPdf, buildZip, pdfText } from './testPortal/files';
import {
  cameraPage,
  checkPage,
  dialogsPage,
  downloadsPage,
  formFields,
  formPage,
  landingPage,
  linkForeignPage,
  notFoundPage,
  probePage,
  serverErrorPage,
  serviceWorkerScript,
  slowPage,
  startPage,
  submittedPage,
  uploadedPage,
  uploadPage,
  writePage,
  type CanaryStore,
  type FormField,
} from './testPortal/pages';

export { canaryStores, standardMatchingGlobals, type CanaryStore } from './testPortal/pages';
export { buildPdf, buildZip, pdfText, zipEntry } from './testPortal/files';
export { escapeAttacks, type EscapeAttack, type EscapeReport } from './testPortal/escapePage';

/** Which listener a request or report came to. */
export type PortalOriginName = 'portal' | 'foreign';

export interface PortalRequest {
  readonly origin: PortalOriginName;
  readonly method: string;
  /** Path with query, as requested. */
  readonly path: string;
  /** Whether an Authorization header came (a cached HTTP auth credential is sent preemptively). */
  readonly authorization: boolean;
  /** The Cookie header, if any. */
  readonly cookie: string | undefined;
}

export interface WriteReport {
  readonly page: 'write';
  readonly origin: PortalOriginName;
  readonly canary: string;
  /** Per store: whether the write took effect (read back where the page can). */
  readonly results: Readonly<Record<CanaryStore, boolean>>;
  readonly errors: Readonly<Partial<Record<CanaryStore, string>>>;
  /** E.g. clipboard: 'api' or 'execCommand (…why the API failed)'. */
  readonly notes: Readonly<Partial<Record<CanaryStore, string>>>;
}

export interface CheckReport {
  readonly page: 'check';
  readonly origin: PortalOriginName;
  readonly url: string;
  /** Per store: every canary-looking value (starting with CANARY-) found; clipboard only with /check?clipboard=1. */
  readonly found: Readonly<Record<CanaryStore, readonly string[]>>;
  /** Stores that could not be read, with why. */
  readonly errors: Readonly<Partial<Record<CanaryStore, string>>>;
  /** Script URLs of the service worker registrations the page saw. */
  readonly registrations: readonly string[];
  readonly historyLength: number;
  readonly referrer: string;
}

export interface ProbeReport {
  readonly page: 'probe';
  readonly origin: PortalOriginName;
  readonly kiosk: string;
  readonly kioskBridge: string;
  readonly kioskDeliver: string;
  /** Own properties of window matching /kiosk|bridge|binding|cdp|playwright/i (plain Chromium has XRWebGLBinding). */
  readonly matchingGlobals: readonly string[];
  /** matchingGlobals without the standard web platform ones (standardMatchingGlobals): should be empty. */
  readonly unexpectedGlobals: readonly string[];
}

/** Recorded by the server itself when it serves /submitted. */
export interface SubmittedReport {
  readonly page: 'submitted';
  readonly origin: PortalOriginName;
  readonly values: Readonly<Record<FormField, string>>;
}

export interface DialogsReport {
  readonly page: 'dialogs';
  readonly origin: PortalOriginName;
  readonly dialog: 'alert' | 'confirm' | 'prompt';
  /** alert: 'geschlossen'; confirm: boolean; prompt: the text or null. */
  readonly answer: string | boolean | null;
}

export interface UploadReport {
  readonly page: 'upload';
  readonly origin: PortalOriginName;
  readonly files: readonly { readonly name: string; readonly size: number }[];
}

/** Recorded by the server when the upload form is posted to /uploaded. */
export interface UploadedReport {
  readonly page: 'uploaded';
  readonly origin: PortalOriginName;
  readonly bytes: number;
  readonly fileNames: readonly string[];
}

export interface CameraReport {
  readonly page: 'camera';
  readonly origin: PortalOriginName;
  readonly result: 'granted' | 'denied';
  readonly error: string;
}

export type PortalReport =
  WriteReport | CheckReport | ProbeReport | SubmittedReport | DialogsReport | UploadReport | UploadedReport | CameraReport | EscapeReport;
export type PortalPage = PortalReport['page'];
export type ReportOf<P extends PortalPage> = Extract<PortalReport, { page: P }>;

const reportPages: readonly string[] = ['write', 'check', 'probe', 'dialogs', 'upload', 'camera', 'escape'] satisfies PortalPage[];

export interface TestPortal {
  /** e.g. http://127.0.0.1:40123 — the tile's allowed origin. */
  readonly origin: string;
  /** Another port on 127.0.0.1: an origin the tile does not allow. Serves the same pages, plus /landing. */
  readonly foreignOrigin: string;
  /** Absolute URL on the portal origin; `path` starts with '/'. */
  url(path: string): string;
  /** Reports in the order they arrived, optionally only those of one page. */
  reports(): readonly PortalReport[];
  reports<P extends PortalPage>(page: P): readonly ReportOf<P>[];
  /** The first report of `page` matching `predicate`, already there or yet to come (default timeout 15 s); clear() first to skip old ones. */
  waitForReport<P extends PortalPage>(
    page: P,
    options?: { readonly timeoutMs?: number; readonly predicate?: (r: ReportOf<P>) => boolean },
  ): Promise<ReportOf<P>>;
  /** Requests to both origins in the order they arrived, optionally only one origin's. */
  requests(origin?: PortalOriginName): readonly PortalRequest[];
  /** Arms an attack for the /escape page, which runs it at the next tap; resolves with the arming's id (see EscapeReport). */
  arm(attack: EscapeAttack): number;
  /** Forgets reports and requests. */
  clear(): void;
  close(): Promise<void>;
}

const authRealm = 'canary';
const maxSlowMs = 120_000;
/** How long the escape page's poll for the next armed attack is held when nothing new is armed. */
const armedPollMs = 3000;
const maxBodyBytes = 20 * 1024 * 1024;

/** What a route answers; written out by one place so every answer gets the same headers. */
interface Reply {
  readonly status: number;
  readonly type?: string;
  readonly body?: string | Buffer;
  readonly headers?: Readonly<Record<string, string | string[]>>;
}

function reply(status: number, type: string, body: string | Buffer, headers: Readonly<Record<string, string | string[]>> = {}): Reply {
  return { status, type, body, headers };
}

function html(page: string, status = 200): Reply {
  return reply(status, 'text/html; charset=utf-8', page);
}

function text(status: number, body: string, headers: Readonly<Record<string, string | string[]>> = {}): Reply {
  return reply(status, 'text/plain; charset=utf-8', body, headers);
}

function redirectTo(location: string): Reply {
  return text(302, `Weiter zu ${location}`, { Location: location });
}

const noContent: Reply = { status: 204 };

function send(res: ServerResponse, r: Reply): void {
  const bytes = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : (r.body ?? Buffer.alloc(0));
  res.writeHead(r.status, {
    ...(r.type === undefined ? {} : { 'Content-Type': r.type, 'Content-Length': String(bytes.length) }),
    // Pages must not linger in the HTTP cache: only /http-cache is a deliberate cache trace.
    'Cache-Control': 'no-store',
    ...r.headers,
  });
  res.end(bytes);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** user and password of a Basic Authorization header, if it is one. */
function basicCredentials(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? { user: decoded, password: '' } : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function startTestPortal(): Promise<TestPortal> {
  const reports: PortalReport[] = [];
  const requests: PortalRequest[] = [];
  const waiters = new Set<() => void>();
  const timers = new Set<NodeJS.Timeout>();
  const origins: Record<PortalOriginName, string> = { portal: '', foreign: '' };
  let armed: { id: number; attack: EscapeAttack } | null = null;

  /** Wakes the escape page's long polls when an attack is armed. */
  const armingWaiters = new Set<() => void>();
  function nextArming(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        timers.delete(timer);
        armingWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timers.add(timer);
      armingWaiters.add(done);
    });
  }

  function addReport(report: PortalReport): void {
    reports.push(report);
    for (const wake of [...waiters]) wake();
  }

  async function route(originName: PortalOriginName, req: IncomingMessage, res: ServerResponse): Promise<Reply | undefined> {
    const url = new URL(req.url ?? '/', origins[originName]);
    const method = req.method ?? 'GET';
    const authorization = req.headers.authorization;
    requests.push({ origin: originName, method, path: url.pathname + url.search, authorization: authorization !== undefined, cookie: req.headers.cookie });
    const query = url.searchParams;

    switch (url.pathname) {
      case '/':
        return redirectTo('/start');
      case '/start':
        return html(startPage());
      case '/form':
        return html(formPage());
      case '/submitted': {
        const values = Object.fromEntries(formFields.map((f) => [f, query.get(f) ?? ''])) as Record<FormField, string>;
        addReport({ page: 'submitted', origin: originName, values });
        return html(submittedPage(values));
      }
      case '/write':
        if (!query.get('canary')?.startsWith('CANARY')) return text(400, '/write needs ?canary=CANARY…');
        return html(writePage());
      case '/check':
        return html(checkPage());
      case '/probe':
        return html(probePage());
      case '/set-cookie': {
        const canary = encodeURIComponent(query.get('canary') ?? '');
        // One readable by the page, one HttpOnly that only the /cookie-echo shows.
        return text(200, 'ok', {
          'Set-Cookie': [
            `canary_http=${canary}; Path=/; Max-Age=3600; SameSite=Lax`,
            `canary_httponly=${canary}; Path=/; Max-Age=3600; SameSite=Lax; HttpOnly`,
          ],
        });
      }
      case '/cookie-echo':
        return text(200, req.headers.cookie ?? '');
      case '/sw.js':
        return reply(200, 'text/javascript; charset=utf-8', serviceWorkerScript);
      case '/sw-canary':
        // Reached only when no service worker answers it.
        return text(404, 'kein Service Worker');
      case '/auth':
      case '/auth-probe': {
        const credentials = basicCredentials(authorization);
        if (query.get('probe') === '1' || url.pathname === '/auth-probe') {
          // Never challenges, so only credentials the browser already holds for the realm arrive.
          return reply(
            200,
            'application/json',
            JSON.stringify({ authorization: authorization !== undefined, user: credentials?.user ?? null, password: credentials?.password ?? null }),
          );
        }
        if (credentials === undefined) {
          return text(401, 'Anmeldung erforderlich', { 'WWW-Authenticate': `Basic realm="${authRealm}"` });
        }
        return text(200, `angemeldet als ${credentials.user}`);
      }
      case '/http-cache': {
        const canary = req.headers['x-canary'];
        // Cacheable for an hour: once stored, /check finds it with cache: 'only-if-cached'.
        return text(200, typeof canary === 'string' ? canary : '', { 'Cache-Control': 'private, max-age=3600' });
      }
      case '/report': {
        if (method !== 'POST') return text(405, 'POST only', { Allow: 'POST' });
        let body: unknown;
        try {
          body = JSON.parse((await readBody(req)).toString('utf8'));
        } catch {
          return text(400, 'invalid JSON');
        }
        if (!isRecord(body) || typeof body.page !== 'string' || !reportPages.includes(body.page)) {
          return text(400, 'unknown report');
        }
        // The pages are ours; their shape is trusted once the page name is known.
        addReport({ ...body, origin: originName } as unknown as PortalReport);
        return noContent;
      }
      case '/redirect-foreign':
        return redirectTo(`${origins.foreign}/landing`);
      case '/redirect-chain':
        return redirectTo('/hop');
      case '/hop':
        return redirectTo(`${origins.foreign}/landing`);
      case '/link-foreign':
        return html(linkForeignPage(origins.foreign));
      case '/landing':
        return html(landingPage(originName));
      case '/downloads':
        return html(downloadsPage());
      case '/document.pdf': {
        // ?inline=1 opens it in the browser's PDF viewer instead of downloading it; ?canary=X (letters)
        // puts X in the text and the file name, as a notice with the citizen's name would.
        const canary = /^[A-Za-z]{1,40}$/.exec(query.get('canary') ?? '')?.[0];
        const name = canary === undefined ? 'Antrag.pdf' : `Bescheid_${canary}.pdf`;
        return reply(200, 'application/pdf', buildPdf(canary === undefined ? pdfText : `${pdfText} ${canary}`), {
          'Content-Disposition': `${query.get('inline') === '1' ? 'inline' : 'attachment'}; filename="${name}"`,
        });
      }
      case '/download-zip':
        return reply(200, 'application/zip', buildZip(), { 'Content-Disposition': 'attachment; filename="Unterlagen.zip"' });
      case '/dialogs':
        return html(dialogsPage());
      case '/upload':
        return html(uploadPage());
      case '/uploaded': {
        if (method !== 'POST') return redirectTo('/upload');
        const body = await readBody(req);
        const fileNames = [...body.toString('latin1').matchAll(/filename="([^"]*)"/g)].map((m) => Buffer.from(m[1] ?? '', 'latin1').toString('utf8'));
        addReport({ page: 'uploaded', origin: originName, bytes: body.length, fileNames });
        return html(uploadedPage(body.length, fileNames));
      }
      case '/camera':
        return html(cameraPage());
      case '/server-error':
        return html(serverErrorPage(), 503);
      case '/slow': {
        const requested = Number(query.get('ms') ?? '1000');
        const ms = Number.isFinite(requested) ? Math.min(Math.max(requested, 0), maxSlowMs) : 1000;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, ms);
          timers.add(timer);
        });
        // The client gave up waiting: nothing to write to.
        if (res.destroyed) return undefined;
        return html(slowPage(ms));
      }
      case '/escape':
        return html(escapePage());
      case '/escape/armed':
        // A long poll: a page that holds the current arming waits here for the next one (at most
        // a few seconds) instead of asking again and again, which kept the kiosk busy.
        if (Number(query.get('seen')) === (armed?.id ?? 0)) await nextArming(armedPollMs);
        if (res.destroyed) return undefined;
        return armed === null ? noContent : reply(200, 'application/json', JSON.stringify(armed));
      case '/escape/big.pdf': {
        const head = buildPdf(pdfText);
        return reply(200, 'application/pdf', Buffer.concat([head, Buffer.alloc(bigDownloadBytes - head.length, 0x20)]), {
          'Content-Disposition': 'attachment; filename="Gross.pdf"',
        });
      }
      case '/favicon.ico':
        return noContent;
      default:
        return html(notFoundPage(url.pathname), 404);
    }
  }

  function listen(originName: PortalOriginName): Promise<Server> {
    const server = createServer((req, res) => {
      route(originName, req, res).then(
        (r) => {
          if (r !== undefined) send(res, r);
        },
        (error: unknown) => {
          if (!res.headersSent && !res.destroyed) send(res, text(500, String(error)));
          else res.destroy();
        },
      );
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        origins[originName] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        resolve(server);
      });
    });
  }

  const servers = [await listen('portal'), await listen('foreign')];

  function reportsOf(page?: PortalPage): readonly PortalReport[] {
    return page === undefined ? [...reports] : reports.filter((r) => r.page === page);
  }

  return {
    origin: origins.portal,
    foreignOrigin: origins.foreign,
    url: (path) => new URL(path, origins.portal).href,
    reports: reportsOf,
    waitForReport: <P extends PortalPage>(page: P, options: { readonly timeoutMs?: number; readonly predicate?: (r: ReportOf<P>) => boolean } = {}) =>
      new Promise<ReportOf<P>>((resolve, reject) => {
        const find = (): ReportOf<P> | undefined => (reportsOf(page) as readonly ReportOf<P>[]).find((r) => options.predicate?.(r) ?? true);
        const wake = (): void => {
          const report = find();
          if (report === undefined) return;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(report);
        };
        const timeoutMs = options.timeoutMs ?? 15_000;
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no '${page}' report within ${timeoutMs} ms; reports: ${JSON.stringify(reports)}`));
        }, timeoutMs);
        waiters.add(wake);
        wake();
      }),
    requests: (origin) => (origin === undefined ? [...requests] : requests.filter((r) => r.origin === origin)),
    arm: (attack) => {
      armed = { id: (armed?.id ?? 0) + 1, attack };
      for (const wake of [...armingWaiters]) wake();
      return armed.id;
    },
    clear: () => {
      reports.length = 0;
      requests.length = 0;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve, reject) => {
              server.close((error) => (error ? reject(error) : resolve()));
              // Keep-alive and pending /slow connections would hold close() open.
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}

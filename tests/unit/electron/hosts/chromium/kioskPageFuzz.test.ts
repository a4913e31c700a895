/**
 * Fuzzing of the Chromium host's IPC transport (docs/architecture.md, "The life of a request"): the seeded
 * payloads of the router fuzz, sent through the binding the kiosk page calls (as KioskPage exposes
 * it on the browser context), from the kiosk page's main frame and from every source it must
 * refuse, into the real router of a kiosk core. The browser is a fake: Playwright hands the binding
 * its source (page and frame) and the page's arguments, and so does this test. FUZZ_SEED replays a
 * failure, FUZZ_RUNS sets the payloads per channel (10,000 by default).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { KioskPage } from '#electron/hosts/chromium/kioskPage';
import { transportNames } from '#shared/contract/channels';
import {
  createFuzzCore,
  expectCleanTransportFuzz,
  fuzzCanary,
  fuzzRuns,
  fuzzSeed,
  fuzzTransport,
  prototypeSnapshot,
  replayHint,
  type FuzzSender,
} from '#tests/support/ipcFuzz';

const seed = fuzzSeed();
const runs = fuzzRuns();
const origin = 'http://127.0.0.1:41234';

interface FakeFrame {
  url(): string;
}
interface FakePage {
  mainFrame(): FakeFrame;
}
/** What Playwright passes a binding as its first argument. */
interface Source {
  readonly context: unknown;
  readonly page: FakePage | null;
  readonly frame: FakeFrame;
}
/** One call: the binding's source, and where the kiosk page's main frame is at that moment. */
interface Delivery {
  readonly source: Source;
  readonly kioskUrl: string;
}
type Binding = (source: Source, channel: unknown, payload: unknown) => unknown;

function frame(url: string): FakeFrame {
  return { url: () => url };
}

/** The kiosk page: its main frame's address is whatever the current call says. */
let kioskUrl = `${origin}/`;
const kioskFrame: FakeFrame = { url: () => kioskUrl };
const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
const kioskPage = {
  mainFrame: () => kioskFrame,
  url: () => kioskUrl,
  on: (event: string, listener: (...args: unknown[]) => void) => {
    listeners.set(event, [...(listeners.get(event) ?? []), listener]);
  },
  goto: () => Promise.resolve(null),
  evaluate: () => Promise.resolve(true),
  close: () => Promise.resolve(),
};
const portalPage: FakePage = { mainFrame: () => frame('https://portal.example.de/') };
const foreignFrame = frame(`https://${fuzzCanary}:secret@evil.example/${fuzzCanary}?q=${fuzzCanary}#${fuzzCanary}`);

function delivery(source: { page: FakePage | null; frame: FakeFrame }, url = `${origin}/index.html`): Delivery {
  return { source: { context: null, ...source }, kioskUrl: url };
}

const senders: [FuzzSender<Delivery>, ...FuzzSender<Delivery>[]] = [
  { label: 'kiosk main frame', trusted: true, sender: delivery({ page: kioskPage, frame: kioskFrame }) },
  { label: 'iframe on the kiosk origin', trusted: false, sender: delivery({ page: kioskPage, frame: frame(`${origin}/embedded.html`) }) },
  { label: 'foreign iframe', trusted: false, sender: delivery({ page: kioskPage, frame: foreignFrame }) },
  { label: 'portal page', trusted: false, sender: delivery({ page: portalPage, frame: portalPage.mainFrame() }) },
  { label: 'other page with the kiosk frame', trusted: false, sender: delivery({ page: portalPage, frame: kioskFrame }) },
  { label: 'no page', trusted: false, sender: delivery({ page: null, frame: kioskFrame }) },
  { label: 'kiosk navigated away', trusted: false, sender: delivery({ page: kioskPage, frame: kioskFrame }, `https://evil.example/${fuzzCanary}`) },
  { label: 'kiosk on another port', trusted: false, sender: delivery({ page: kioskPage, frame: kioskFrame }, 'http://127.0.0.1:41235/') },
  { label: 'kiosk on a lookalike host', trusted: false, sender: delivery({ page: kioskPage, frame: kioskFrame }, 'http://127.0.0.1.evil.example:41234/') },
  { label: 'kiosk on about:blank', trusted: false, sender: delivery({ page: kioskPage, frame: kioskFrame }, 'about:blank') },
  { label: 'unparseable frame url', trusted: false, sender: delivery({ page: kioskPage, frame: frame(`not a url ${fuzzCanary}`) }) },
];

describe('the Chromium host bridge binding under fuzzing', () => {
  it(`answers ${String(runs)} fuzzed payloads per channel through the binding, from the kiosk page and ${String(senders.length - 1)} refused sources (seed ${replayHint(seed)})`, async () => {
    const before = prototypeSnapshot();
    const fuzz = await createFuzzCore({ full: false });
    const bindings = new Map<string, Binding>();
    const context = {
      on: () => undefined,
      exposeBinding: (name: string, binding: Binding) => {
        bindings.set(name, binding);
        return Promise.resolve();
      },
      addInitScript: () => Promise.resolve(),
      newPage: () => Promise.resolve(kioskPage),
      pages: () => [kioskPage],
    };
    const page = await KioskPage.open({
      context: context as unknown as BrowserContext,
      firstPage: kioskPage as unknown as Page,
      url: `${origin}/`,
      origin,
      bridgeFile: 'bridge.js',
      core: () => fuzz.core,
      logger: fuzz.log.logger,
    });
    const binding = bindings.get(transportNames.binding);
    try {
      if (binding === undefined) throw new Error('the kiosk page exposed no bridge binding');
      const report = await fuzzTransport<Delivery>({
        seed,
        runs,
        senders,
        untrustedShare: 0.15,
        // The binding checks the source when the call arrives, before its first await.
        call: (channel, payload, call) => {
          kioskUrl = call.kioskUrl;
          return binding(call.source, channel, payload);
        },
      });
      expectCleanTransportFuzz('Chromium bridge binding fuzz', report, fuzz.log, before, seed);
    } finally {
      page.shutdown();
      await fuzz.dispose();
    }
  }, 120_000);
});

/**
 * Fuzzing of the Electron host's IPC transport (docs/architecture.md, "The life of a request"): the seeded
 * payloads of the router fuzz, sent through `ipcMain.handle` as the bridge installs it, from the
 * kiosk's main frame and from every sender it must refuse, into the real router of a kiosk core.
 * FUZZ_SEED replays a failure, FUZZ_RUNS sets the payloads per channel (10,000 by default).
 */
import type { IpcMain, WebContents } from 'electron';
import { describe, it } from 'vitest';
import { installIpcBridge } from '#electron/hosts/electron/ipcBridge';
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
const appOrigin = 'kiosk://app';

interface Frame {
  readonly url: string;
}
interface Contents {
  readonly mainFrame: Frame;
}
/** One call as Electron would deliver it: the invoke event, and the kiosk window at that moment. */
interface Delivery {
  readonly kiosk: Contents | null;
  readonly event: { readonly sender: unknown; readonly senderFrame: Frame | null };
}

type InvokeHandler = (event: unknown, channel: unknown, payload: unknown) => unknown;

const mainFrame: Frame = { url: 'kiosk://app/index.html' };
const kiosk: Contents = { mainFrame };
const portalFrame: Frame = { url: `https://${fuzzCanary}:secret@portal.example.de/${fuzzCanary}?q=${fuzzCanary}#${fuzzCanary}` };
const portal: Contents = { mainFrame: portalFrame };
const navigatedFrame: Frame = { url: `https://evil.example/${fuzzCanary}` };
const navigated: Contents = { mainFrame: navigatedFrame };
const otherOnAppOrigin: Contents = { mainFrame: { url: 'kiosk://app/' } };

const senders: [FuzzSender<Delivery>, ...FuzzSender<Delivery>[]] = [
  { label: 'kiosk main frame', trusted: true, sender: { kiosk, event: { sender: kiosk, senderFrame: mainFrame } } },
  { label: 'subframe on the app origin', trusted: false, sender: { kiosk, event: { sender: kiosk, senderFrame: { url: 'kiosk://app/frame.html' } } } },
  { label: 'foreign subframe', trusted: false, sender: { kiosk, event: { sender: kiosk, senderFrame: portalFrame } } },
  { label: 'portal view', trusted: false, sender: { kiosk, event: { sender: portal, senderFrame: portalFrame } } },
  {
    label: 'other contents on the app origin',
    trusted: false,
    sender: { kiosk, event: { sender: otherOnAppOrigin, senderFrame: otherOnAppOrigin.mainFrame } },
  },
  { label: 'other contents with the kiosk frame', trusted: false, sender: { kiosk, event: { sender: otherOnAppOrigin, senderFrame: mainFrame } } },
  { label: 'kiosk navigated away', trusted: false, sender: { kiosk: navigated, event: { sender: navigated, senderFrame: navigatedFrame } } },
  { label: 'lookalike origin', trusted: false, sender: { kiosk, event: { sender: kiosk, senderFrame: { url: 'kiosk://app.evil/' } } } },
  { label: 'unparseable frame url', trusted: false, sender: { kiosk, event: { sender: kiosk, senderFrame: { url: `not a url ${fuzzCanary}` } } } },
  { label: 'destroyed frame', trusted: false, sender: { kiosk, event: { sender: kiosk, senderFrame: null } } },
  { label: 'kiosk window gone', trusted: false, sender: { kiosk: null, event: { sender: kiosk, senderFrame: mainFrame } } },
  { label: 'no sender', trusted: false, sender: { kiosk, event: { sender: null, senderFrame: mainFrame } } },
];

describe('the Electron IPC bridge under fuzzing', () => {
  it(`answers ${String(runs)} fuzzed payloads per channel through ipcMain, from the kiosk and ${String(senders.length - 1)} refused senders (seed ${replayHint(seed)})`, async () => {
    const before = prototypeSnapshot();
    const fuzz = await createFuzzCore({ full: false });
    const handlers = new Map<string, InvokeHandler>();
    const ipcMain = {
      handle: (channel: string, handler: InvokeHandler) => handlers.set(channel, handler),
      removeHandler: (channel: string) => handlers.delete(channel),
    } as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>;
    let current: Contents | null = kiosk;
    const remove = installIpcBridge({
      ipcMain,
      router: fuzz.core.router,
      kioskContents: () => current as unknown as Pick<WebContents, 'mainFrame'> | null,
      appOrigin,
    });
    const invoke = handlers.get(transportNames.invoke);
    try {
      if (invoke === undefined) throw new Error('the bridge installed no invoke handler');
      const report = await fuzzTransport<Delivery>({
        seed,
        runs,
        senders,
        untrustedShare: 0.15,
        // The bridge reads the kiosk window when the call arrives, before its first await.
        call: (channel, payload, delivery) => {
          current = delivery.kiosk;
          return invoke(delivery.event, channel, payload);
        },
      });
      expectCleanTransportFuzz('Electron IPC bridge fuzz', report, fuzz.log, before, seed);
    } finally {
      remove();
      await fuzz.dispose();
    }
  }, 120_000);
});

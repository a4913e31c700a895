import type { IpcMain, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createKioskCore } from '#core/app/kioskCore';
import type { CallOrigin, IpcRouter } from '#core/ipc/ipcRouter';
import { installIpcBridge, isTrustedSender, sendKioskEvent } from '#electron/hosts/electron/ipcBridge';
import { transportNames } from '#shared/contract/channels';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { captureLog } from '#tests/unit/support/logCapture';
import { testConfig } from '#tests/unit/support/testConfig';

const appOrigin = 'kiosk://app';

interface Frame {
  url: string;
}

type InvokeHandler = (event: unknown, channel: unknown, payload: unknown) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, InvokeHandler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: InvokeHandler) => {
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => {
      handlers.delete(channel);
    }),
  };
  return { ipcMain: ipcMain as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>, handlers, raw: ipcMain };
}

function recordingRouter() {
  const calls: { channel: unknown; payload: unknown; origin: CallOrigin }[] = [];
  const router: IpcRouter = {
    handle: (channel, payload, origin) => {
      calls.push({ channel, payload, origin });
      return Promise.resolve({ ok: true, value: {} });
    },
  };
  return { router, calls };
}

function setup(kiosk: { mainFrame: Frame } | null) {
  const ipc = fakeIpcMain();
  const { router, calls } = recordingRouter();
  const remove = installIpcBridge({
    ipcMain: ipc.ipcMain,
    router,
    kioskContents: () => kiosk as unknown as Pick<WebContents, 'mainFrame'> | null,
    appOrigin,
  });
  const invoke = async (event: { sender: unknown; senderFrame: Frame | null }, channel: unknown = 'session.start', payload: unknown = {}) => {
    const handler = ipc.handlers.get(transportNames.invoke);
    if (!handler) throw new Error('no handler installed');
    await handler(event, channel, payload);
    const last = calls.at(-1);
    if (!last) throw new Error('router not called');
    return last.origin;
  };
  return { ipc, calls, remove, invoke };
}

describe('isTrustedSender', () => {
  const main = { url: 'kiosk://app/' };
  it('trusts only the main frame on the app origin', () => {
    expect(isTrustedSender({ senderFrame: main, mainFrame: main, appOrigin })).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'kiosk://app/' }, mainFrame: main, appOrigin })).toBe(false);
    expect(isTrustedSender({ senderFrame: null, mainFrame: main, appOrigin })).toBe(false);
    expect(isTrustedSender({ senderFrame: null, mainFrame: null, appOrigin })).toBe(false);
    const evil = { url: 'https://evil.example/' };
    expect(isTrustedSender({ senderFrame: evil, mainFrame: evil, appOrigin })).toBe(false);
  });
});

describe('installIpcBridge', () => {
  it('installs one handler on the invoke channel and removes it again', () => {
    const { ipc, remove } = setup({ mainFrame: { url: 'kiosk://app/' } });
    expect(ipc.raw.handle).toHaveBeenCalledTimes(1);
    expect(ipc.raw.handle.mock.calls[0]?.[0]).toBe('kiosk:invoke');
    remove();
    expect(ipc.raw.removeHandler).toHaveBeenCalledWith('kiosk:invoke');
    expect(ipc.handlers.size).toBe(0);
  });

  it('trusts a call from the kiosk main frame on kiosk://app and passes channel and payload on', async () => {
    const mainFrame = { url: 'kiosk://app/index.html' };
    const kiosk = { mainFrame };
    const { invoke, calls } = setup(kiosk);
    const origin = await invoke({ sender: kiosk, senderFrame: mainFrame }, 'session.resetComplete', { resetId: 'r-1' });
    expect(origin).toEqual({ trusted: true, description: 'kiosk://app' });
    expect(calls[0]).toMatchObject({ channel: 'session.resetComplete', payload: { resetId: 'r-1' } });
  });

  it('does not trust a subframe of the kiosk window, even on the app origin', async () => {
    const kiosk = { mainFrame: { url: 'kiosk://app/' } };
    const { invoke } = setup(kiosk);
    expect((await invoke({ sender: kiosk, senderFrame: { url: 'kiosk://app/frame.html' } })).trusted).toBe(false);
    expect((await invoke({ sender: kiosk, senderFrame: { url: 'https://portal.example/' } })).trusted).toBe(false);
  });

  it('does not trust another webContents, even if it shows the app origin', async () => {
    const mainFrame = { url: 'kiosk://app/' };
    const kiosk = { mainFrame };
    const other = { mainFrame };
    const { invoke } = setup(kiosk);
    const origin = await invoke({ sender: other, senderFrame: mainFrame });
    expect(origin.trusted).toBe(false);
  });

  it('does not trust the kiosk main frame after it navigated to another origin', async () => {
    const mainFrame = { url: 'https://evil.example/page' };
    const kiosk = { mainFrame };
    const { invoke } = setup(kiosk);
    expect(await invoke({ sender: kiosk, senderFrame: mainFrame })).toEqual({ trusted: false, description: 'https://evil.example' });
    mainFrame.url = 'kiosk://app.evil/';
    expect((await invoke({ sender: kiosk, senderFrame: mainFrame })).trusted).toBe(false);
  });

  it('does not trust anything when the kiosk window is gone or the frame is destroyed', async () => {
    const mainFrame = { url: 'kiosk://app/' };
    const none = setup(null);
    expect((await none.invoke({ sender: { mainFrame }, senderFrame: mainFrame })).trusted).toBe(false);
    const kiosk = { mainFrame };
    const destroyed = setup(kiosk);
    expect(await destroyed.invoke({ sender: kiosk, senderFrame: null })).toEqual({ trusted: false, description: 'destroyed frame' });
  });

  it('describes an unparseable frame url without throwing', async () => {
    const kiosk = { mainFrame: { url: 'kiosk://app/' } };
    const { invoke } = setup(kiosk);
    expect(await invoke({ sender: kiosk, senderFrame: { url: 'not a url' } })).toEqual({ trusted: false, description: 'unparseable url' });
  });

  it('answers untrusted-sender end to end through the real router', async () => {
    const ipc = fakeIpcMain();
    const core = createKioskCore({ config: testConfig(), logger: captureLog().logger, clock: new FakeClock(), reloadUi: () => undefined });
    const mainFrame = { url: 'kiosk://app/' };
    const kiosk = { mainFrame };
    installIpcBridge({ ipcMain: ipc.ipcMain, router: core.router, kioskContents: () => kiosk as unknown as WebContents, appOrigin });
    const handler = ipc.handlers.get('kiosk:invoke');
    expect(await handler?.({ sender: kiosk, senderFrame: { url: 'kiosk://app/sub' } }, 'session.start', {})).toEqual({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
    expect(core.session.snapshot().state).toBe('attract');
    const ok = (await handler?.({ sender: kiosk, senderFrame: mainFrame }, 'session.start', {})) as { ok: boolean };
    expect(ok.ok).toBe(true);
    expect(core.session.snapshot().state).toBe('active');
    void core.dispose();
  });
});

describe('sendKioskEvent', () => {
  function contents(destroyed = false) {
    return { send: vi.fn(), isDestroyed: vi.fn(() => destroyed) };
  }

  it('sends contract events on the event channel', () => {
    const c = contents();
    sendKioskEvent(c, 'session.changed', { state: 'attract' });
    expect(c.send).toHaveBeenCalledExactlyOnceWith('kiosk:event', 'session.changed', { state: 'attract' });
  });

  it.each(['session.start', 'no.such.event', '__proto__', 'toString'])('drops an unknown event %s', (event) => {
    const c = contents();
    sendKioskEvent(c, event, {});
    expect(c.send).not.toHaveBeenCalled();
  });

  it('drops events when the contents are destroyed or gone', () => {
    const c = contents(true);
    sendKioskEvent(c, 'session.changed', {});
    expect(c.send).not.toHaveBeenCalled();
    expect(() => {
      sendKioskEvent(null, 'session.changed', {});
    }).not.toThrow();
  });
});

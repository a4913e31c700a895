import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { isEventChannel, transportNames } from '#shared/contract/channels';
import type { IpcRouter } from '#core/ipc/ipcRouter';
import { originOf } from '#core/ipc/originOf';
import { isAppUrl } from './kioskGuards';

type FrameLike = { readonly url: string } | null;

/** A call is trusted only from the kiosk window's own top frame on the app origin. */
export function isTrustedSender(input: { senderFrame: FrameLike; mainFrame: unknown; appOrigin: string }): boolean {
  if (input.senderFrame === null || input.senderFrame !== input.mainFrame) return false;
  return isAppUrl(input.senderFrame.url, input.appOrigin);
}

/** Puts the core router behind `ipcMain.handle`; returns a function that removes it again. */
export function installIpcBridge(input: {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  router: IpcRouter;
  kioskContents: () => Pick<WebContents, 'mainFrame'> | null;
  appOrigin: string;
}): () => void {
  input.ipcMain.handle(transportNames.invoke, (event: IpcMainInvokeEvent, channel: unknown, payload: unknown) => {
    const contents = input.kioskContents();
    const trusted =
      contents !== null &&
      event.sender === contents &&
      isTrustedSender({ senderFrame: event.senderFrame, mainFrame: contents.mainFrame, appOrigin: input.appOrigin });
    const description = event.senderFrame ? (originOf(event.senderFrame.url) ?? 'unparseable url') : 'destroyed frame';
    return input.router.handle(channel, payload, { trusted, description });
  });
  return () => {
    input.ipcMain.removeHandler(transportNames.invoke);
  };
}

/** Sends a contract event to the kiosk UI (dropped when the window is gone). */
export function sendKioskEvent(contents: Pick<WebContents, 'send' | 'isDestroyed'> | null, event: string, payload: unknown): void {
  if (contents === null || contents.isDestroyed() || !isEventChannel(event)) return;
  contents.send(transportNames.event, event, payload);
}

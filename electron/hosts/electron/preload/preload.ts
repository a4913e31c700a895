/**
 * The kiosk UI's preload: exposes exactly one object, `window.kiosk`, built from the contract.
 * No raw ipcRenderer; the event listener is wrapped and returns an unsubscribe function.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { transportNames } from '#shared/contract/channels';
import { createKioskApi } from '#shared/contract/kioskApi';

const api = createKioskApi({
  invoke: (channel, payload) => ipcRenderer.invoke(transportNames.invoke, channel, payload),
  subscribe: (listener) => {
    const wrapped = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on(transportNames.event, wrapped);
    return () => {
      ipcRenderer.removeListener(transportNames.event, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('kiosk', api);

import type { ContentStatusView } from '#shared/contract/contentContract';
import type { DeviceHealth } from '#shared/devices/deviceHealth';
import { defineTerminalStore } from './storeRegistry';

interface DeviceStoreState {
  /** Health of the terminal's devices, as the host reports it; no citizen data. */
  readonly devices: readonly DeviceHealth[];
  /** The content pack's state (information terminal); null until known. */
  readonly content: ContentStatusView | null;
  setDevices: (devices: readonly DeviceHealth[]) => void;
  setContent: (content: ContentStatusView) => void;
}

export const useDeviceStore = defineTerminalStore<DeviceStoreState>('devices', (set) => ({
  devices: [],
  content: null,
  setDevices: (devices) => {
    set({ devices });
  },
  setContent: (content) => {
    set({ content });
  },
}));

import type { DeviceHealth } from '../../../shared/devices/deviceHealth';
import { defineTerminalStore } from './storeRegistry';

interface DeviceStoreState {
  /** Health of the terminal's devices, as the host reports it; no citizen data. */
  readonly devices: readonly DeviceHealth[];
  setDevices: (devices: readonly DeviceHealth[]) => void;
}

export const useDeviceStore = defineTerminalStore<DeviceStoreState>('devices', (set) => ({
  devices: [],
  setDevices: (devices) => {
    set({ devices });
  },
}));

import type { KioskApi } from '../../../shared/contract/kioskApi';
import { useDeviceStore } from '../state/deviceStore';

/** Loads the devices' health once and then follows the host's updates; returns the unsubscribe function. */
export function followDevices(api: KioskApi): () => void {
  const unsubscribe = api.on('devices.changed', ({ devices }) => {
    useDeviceStore.getState().setDevices(devices);
  });
  void api.invoke('devices.status', {}).then((result) => {
    if (result.ok) useDeviceStore.getState().setDevices(result.value.devices);
  });
  return unsubscribe;
}

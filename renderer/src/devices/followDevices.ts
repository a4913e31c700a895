import type { KioskApi } from '#shared/contract/kioskApi';
import { useDeviceStore } from '../state/deviceStore';

/** Loads the devices' health and the content pack's state once, then follows the host's updates; returns the unsubscribe function. */
export function followDevices(api: KioskApi): () => void {
  const unsubscribeDevices = api.on('devices.changed', ({ devices }) => {
    useDeviceStore.getState().setDevices(devices);
  });
  const unsubscribeContent = api.on('content.changed', (content) => {
    useDeviceStore.getState().setContent(content);
  });
  void api.invoke('devices.status', {}).then((result) => {
    if (result.ok) useDeviceStore.getState().setDevices(result.value.devices);
  });
  void api.invoke('content.status', {}).then((result) => {
    if (result.ok) useDeviceStore.getState().setContent(result.value);
  });
  return () => {
    unsubscribeDevices();
    unsubscribeContent();
  };
}

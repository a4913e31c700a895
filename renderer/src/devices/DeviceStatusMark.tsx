import { useDeviceStore } from '../state/deviceStore';

/** How many devices (and the content pack) need attention; 0 when all is well. */
export function useDeviceAttention(): number {
  const devices = useDeviceStore((s) => s.devices);
  const contentTrouble = useDeviceStore((s) => s.content?.state === 'kept' || s.content?.state === 'missing');
  return devices.filter((d) => d.state !== 'ready' && d.state !== 'busy').length + (contentTrouble ? 1 : 0);
}

/**
 * A small dot for staff passing by: grey when every device is fine, amber when one needs attention.
 * Only a mark: the details and the test print are in assist mode, behind the staff PIN, so nothing
 * here is for citizens to press or to be alarmed by (and it is hidden from read-aloud).
 */
export function DeviceStatusMark() {
  const devices = useDeviceStore((s) => s.devices.length);
  const attention = useDeviceAttention();
  if (devices === 0 && attention === 0) return null;
  return (
    <span
      className={`device-mark ${attention === 0 ? 'device-mark--ok' : 'device-mark--attention'}`}
      data-device-mark=""
      data-attention={attention}
      aria-hidden="true"
    />
  );
}

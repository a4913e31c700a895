import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeviceStore } from '../state/deviceStore';
import { DeviceStatusPanel } from './DeviceStatusPanel';

/**
 * A small, calm dot in the corner for staff: grey when every device is fine, amber when one needs
 * attention. It opens the device panel. Nothing here alarms citizens.
 */
export function DeviceStatusIndicator() {
  const { t } = useTranslation();
  const devices = useDeviceStore((s) => s.devices);
  const contentTrouble = useDeviceStore((s) => s.content?.state === 'kept' || s.content?.state === 'missing');
  const [open, setOpen] = useState(false);
  if (devices.length === 0 && !contentTrouble) return null;
  const attention = devices.filter((d) => d.state !== 'ready' && d.state !== 'busy').length + (contentTrouble ? 1 : 0);
  const summary = attention === 0 ? t('devices.allReady') : t('devices.attention', { count: attention });
  return (
    <>
      <button
        type="button"
        className={`device-indicator ${attention === 0 ? 'device-indicator--ok' : 'device-indicator--attention'}`}
        aria-label={t('devices.indicator', { summary })}
        data-action="device-status"
        data-attention={attention}
        onClick={() => {
          setOpen(true);
        }}
      >
        <span className="device-indicator__dot" aria-hidden="true" />
      </button>
      {open && (
        <DeviceStatusPanel
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </>
  );
}

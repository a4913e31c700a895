import { useTranslation } from 'react-i18next';
import { useDeviceStore } from '../state/deviceStore';
import { ContentStatusRow } from './ContentStatusRow';

/** Every device's health (kind, state, reason) and the content pack's state, for staff in assist mode. */
export function DeviceStatusList() {
  const { t } = useTranslation();
  const devices = useDeviceStore((s) => s.devices);
  return (
    <>
      <ul className="device-panel__list">
        {devices.map((device) => (
          <li key={device.id} className={`device-panel__item device-panel__item--${device.state}`} data-device={device.id} data-state={device.state}>
            <span className="device-panel__kind">
              {t(`devices.kinds.${device.kind}`)}
              {device.simulated && <span className="device-panel__simulated"> ({t('devices.simulated')})</span>}
            </span>
            <span className="device-panel__state">{t(`devices.states.${device.state}`)}</span>
            <span className="device-panel__reason">{t(`devices.reasons.${device.reason}`)}</span>
          </li>
        ))}
      </ul>
      <ContentStatusRow />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { KioskDialog } from '../components/KioskDialog';
import { PrintFeedback } from '../print/PrintFeedback';
import { printReceipt } from '../print/printReceipt';
import { useDeviceStore } from '../state/deviceStore';
import { usePrintStore } from '../state/printStore';
import { useTerminalStore } from '../state/terminalStore';
import { testReceipt } from './testReceipt';
import { ContentStatusRow } from './ContentStatusRow';

/** Staff view of every device's health with a test print. */
export function DeviceStatusPanel({ onClose }: { readonly onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const devices = useDeviceStore((s) => s.devices);
  const terminal = useTerminalStore((s) => s.bootstrap?.terminal);
  const hasPrinter = devices.some((d) => d.kind === 'printer');
  // One test print at a time: the panel is reachable by anyone until staff access (PIN) exists.
  const printing = usePrintStore((s) => s.status.phase === 'printing');

  return (
    <KioskDialog screen="device-status" title={t('devices.panelTitle')} className="device-panel" onCancel={onClose}>
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
      <PrintFeedback showReason />
      <div className="device-panel__actions">
        {hasPrinter && terminal && (
          <button
            type="button"
            className="button button--secondary"
            data-action="test-print"
            disabled={printing}
            onClick={() => void printReceipt(testReceipt(i18n.getFixedT('de'), terminal, new Date().toLocaleString('de-DE')))}
          >
            {t('devices.testPrint')}
          </button>
        )}
        <button type="button" className="button button--primary" data-action="close-devices" onClick={onClose}>
          {t('devices.close')}
        </button>
      </div>
    </KioskDialog>
  );
}

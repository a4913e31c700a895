import { useTranslation } from 'react-i18next';
import { DeviceStatusList } from '../devices/DeviceStatusList';
import { testReceipt } from '../devices/testReceipt';
import { PrintFeedback } from '../print/PrintFeedback';
import { printReceipt } from '../print/printReceipt';
import { useDeviceStore } from '../state/deviceStore';
import { usePrintStore } from '../state/printStore';
import { useTerminalStore } from '../state/terminalStore';
import { ActionButton, AssistRow } from './AssistSections';
import { runStaffAction } from './staffActions';

/** Every device's health and the content pack's state, with a test print and a light test. */
export function AssistDevices() {
  const { t } = useTranslation('staff');
  // The shared parts (device list, print feedback) and the test receipt use the citizen texts, in the staff's language here.
  const { i18n } = useTranslation();
  const devices = useDeviceStore((s) => s.devices);
  const terminal = useTerminalStore((s) => s.bootstrap?.terminal);
  const printing = usePrintStore((s) => s.status.phase === 'printing');
  const hasPrinter = devices.some((d) => d.kind === 'printer');
  const hasLight = devices.some((d) => d.kind === 'signalLight');
  const status = (
    <>
      {devices.length === 0 && <p>{t('assist.devices.none')}</p>}
      <DeviceStatusList />
      <PrintFeedback showReason />
    </>
  );
  return (
    <AssistRow id="devices" title={t('assist.devices.title')} status={status}>
      {hasPrinter && terminal && (
        <ActionButton
          action="test-print"
          label={t('assist.devices.testPrint')}
          disabled={printing}
          // Printed in German: the receipt printer's code page has no Arabic, Persian or Cyrillic letters.
          onClick={() => void printReceipt(testReceipt(i18n.getFixedT('de'), terminal, new Date().toLocaleString('de-DE')))}
        />
      )}
      {hasLight && <ActionButton action="test-light" label={t('assist.devices.testLight')} onClick={() => void runStaffAction('test-light')} />}
    </AssistRow>
  );
}

import { memo, useDeferredValue, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './components/ErrorNotice';
import { useDisplaySettings } from './accessibility/useDisplaySettings';
import { applyLanguage } from './i18n/i18n';
import { useEffectiveLanguage } from './i18n/useEffectiveLanguage';
import { kioskApi } from './kiosk/kioskApi';
import { KeyHelpDialog } from './keyboard/KeyHelpDialog';
import { useKeyHelpStore } from './state/keyHelpStore';
import { AttractScreen } from './screens/attract/AttractScreen';
import { EndOfSessionScreen } from './screens/end/EndOfSessionScreen';
import { InfoTerminal } from './screens/info/InfoTerminal';
import { WorkstationTerminal } from './screens/workstation/WorkstationTerminal';
import { IdleWarningDialog } from './screens/idle/IdleWarningDialog';
import { createActivityReporter } from './session/sessionSync';
import { useSessionStore } from './state/sessionStore';
import { useTerminalStore } from './state/terminalStore';
import { HelpBar } from './help/HelpBar';
import { OutOfOrderScreen } from './screens/outOfOrder/OutOfOrderScreen';
import { StaffScreens } from './staff/StaffScreens';
import { useStaffStore } from './staff/staffStore';

/** Longest wait (ms) for an idle moment before input is reported; the idle timeout is at least 3 s. */
const activityReportDelayMs = 500;

/**
 * Reports any touch or key press to the host so the idle timer starts over. The report waits for
 * the browser's next idle moment: the tap or key is answered on screen first, without the call to
 * the host in its way.
 */
function useActivityReporting(): void {
  useEffect(() => {
    const api = kioskApi();
    if (api === null) return;
    const report = createActivityReporter(api, () => Date.now());
    let waiting: number | null = null;
    const onInput = (): void => {
      waiting ??= requestIdleCallback(
        () => {
          waiting = null;
          report();
        },
        { timeout: activityReportDelayMs },
      );
    };
    window.addEventListener('pointerdown', onInput, { capture: true, passive: true });
    window.addEventListener('keydown', onInput, { capture: true, passive: true });
    return () => {
      window.removeEventListener('pointerdown', onInput, { capture: true });
      window.removeEventListener('keydown', onInput, { capture: true });
      if (waiting !== null) cancelIdleCallback(waiting);
    };
  }, []);
}

const SessionScreens = memo(function SessionScreens() {
  const current = useSessionStore((s) => s.snapshot);
  // Into a session (a tap on attract, "more time") the screen follows as a transition, so the tap
  // is answered on screen first; out of it (warning, reset, attract) at once, so nothing of a
  // session stays on screen longer than the session.
  const deferred = useDeferredValue(current);
  const snapshot = current?.state === 'active' ? deferred : current;
  const farewell = useSessionStore((s) => s.farewell);
  const role = useTerminalStore((s) => s.bootstrap?.terminal.role);
  const terminal = useStaffStore((s) => s.terminal);
  if (snapshot === null || role === undefined) return null;
  // Out of order wins over every other screen, whatever the session is doing.
  if (terminal.outOfOrder) return <OutOfOrderScreen place={terminal.place} />;
  switch (snapshot.state) {
    case 'attract':
      return farewell === null ? <AttractScreen /> : <EndOfSessionScreen reason={farewell} />;
    case 'resetting':
      return <main className="screen screen--resetting" data-screen="resetting" aria-busy="true" />;
    case 'active':
    case 'idle-warning':
      return (
        <>
          {role === 'info' ? <InfoTerminal /> : <WorkstationTerminal />}
          {snapshot.state === 'idle-warning' && snapshot.warningEndsAt !== null && <IdleWarningDialog endsAt={snapshot.warningEndsAt} />}
        </>
      );
  }
});

// Each part follows its own stores: a change that redraws App (language, settings) does not redraw them all with it.
const Bar = memo(HelpBar);
const Staff = memo(StaffScreens);
const Notice = memo(ErrorNotice);

/** The kiosk UI: one page that stays loaded; what it shows follows the host's session state. */
export function App() {
  const { t } = useTranslation();
  const language = useEffectiveLanguage();
  const startFailed = useTerminalStore((s) => s.startFailed);
  const state = useSessionStore((s) => s.snapshot?.state ?? 'loading');
  const keyHelpOpen = useKeyHelpStore((s) => s.open);
  const ready = useTerminalStore((s) => s.bootstrap !== null);
  useActivityReporting();
  useEffect(() => {
    void applyLanguage(language);
  }, [language]);
  useDisplaySettings();

  const outOfOrder = useStaffStore((s) => s.terminal.outOfOrder);
  return (
    <div className="kiosk" data-session-state={state} data-out-of-order={outOfOrder ? '' : undefined}>
      {startFailed ? (
        <main className="screen screen--message" data-screen="start-failed">
          <p className="message">{t('common.startFailed')}</p>
        </main>
      ) : state === 'loading' ? (
        <main className="screen screen--message" aria-busy="true">
          <p className="message">{t('common.loading')}</p>
        </main>
      ) : (
        <SessionScreens />
      )}
      {!startFailed && state !== 'loading' && ready && <Bar />}
      {keyHelpOpen && <KeyHelpDialog />}
      <Notice />
      {ready && <Staff />}
    </div>
  );
}

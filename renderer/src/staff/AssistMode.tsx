import { useTranslation } from 'react-i18next';
import { staffLanguages } from '#shared/config/staffConfig';
import { languageInfo } from '#shared/i18n/languages';
import { KioskDialog } from '../components/KioskDialog';
import { kioskApi } from '../kiosk/kioskApi';
import { useTerminalStore } from '../state/terminalStore';
import { AssistCounters } from './AssistCounters';
import { AssistDevices } from './AssistDevices';
import { AssistApp, AssistHelpCall, AssistService, AssistSession } from './AssistSections';
import { isNamedReason } from './staffActions';
import { useStaffStore } from './staffStore';
import { clockTime } from './useNow';

/** Leaves assist mode; the core's answer (locked) closes it. */
function lock(): void {
  void kioskApi()
    ?.invoke('staff.lock', {})
    .then((result) => {
      if (result.ok) useStaffStore.getState().setAssist(result.value);
    });
}

/** German or English for the staff screens; the citizen's language is left alone. */
function StaffLanguageSwitch() {
  const { t, i18n } = useTranslation('staff');
  const chooseLanguage = useStaffStore((s) => s.chooseLanguage);
  return (
    <div className="assist__languages" role="group" aria-label={t('assist.language')}>
      {staffLanguages.map((language) => (
        <button
          key={language}
          type="button"
          className="button button--choice"
          lang={language}
          aria-pressed={i18n.language === language}
          data-staff-language={language}
          onClick={() => {
            chooseLanguage(language);
          }}
        >
          {languageInfo[language].nativeName}
        </button>
      ))}
    </div>
  );
}

/** What became of the last action, until the next one. */
function AssistOutcome() {
  const { t } = useTranslation('staff');
  const outcome = useStaffStore((s) => s.outcome);
  let text = '';
  if (outcome !== null) {
    const action = t(`assist.actions.${outcome.action}`);
    if (outcome.status === 'running') text = t('assist.outcome.running', { action });
    else if (outcome.status === 'done') text = t('assist.outcome.done', { action });
    else {
      const reason = isNamedReason(outcome.reason) ? t(`assist.reasons.${outcome.reason}`) : t('assist.reasons.failed', { code: outcome.reason });
      text = t('assist.outcome.failed', { action, reason });
    }
  }
  return (
    <p
      className={`assist__outcome assist__outcome--${outcome?.status ?? 'none'}`}
      role="status"
      data-staff-outcome={outcome === null ? undefined : `${outcome.action}:${outcome.status}`}
    >
      {text}
    </p>
  );
}

/**
 * Assist mode: a full-screen staff view over whatever the citizen's screen shows, in German or
 * English. Everything staff can do at the terminal, one line per subject; the result of each
 * action shows at the top. It closes when the core says assist mode is locked (lock button, end
 * and lock, or the automatic lock after the configured idle time).
 */
export function AssistMode() {
  const { t, i18n } = useTranslation('staff');
  const terminal = useTerminalStore((s) => s.bootstrap?.terminal);
  const locksAt = useStaffStore((s) => s.assist?.locksAt ?? null);
  return (
    <KioskDialog screen="assist" title={t('assist.title')} className="assist" lang={i18n.language} dir="ltr" quiet onCancel={lock}>
      <div className="assist__bar">
        <p className="assist__terminal">
          {terminal && t('assist.terminalName', { name: terminal.name, id: terminal.id })}
          {locksAt !== null && <span className="assist__locks"> {t('assist.locksAt', { time: clockTime(locksAt, i18n.language) })}</span>}
        </p>
        <StaffLanguageSwitch />
        <button type="button" className="button button--primary" data-action="lock-assist" onClick={lock}>
          {t('assist.lock')}
        </button>
      </div>
      <AssistOutcome />
      <AssistHelpCall />
      <AssistSession />
      <AssistDevices />
      <AssistService />
      <AssistCounters />
      <AssistApp />
    </KioskDialog>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHelpCallStore } from '../help/helpStore';
import { useSessionStore } from '../state/sessionStore';
import { useTerminalStore } from '../state/terminalStore';
import { runStaffAction } from './staffActions';
import { useStaffStore } from './staffStore';
import { clockTime } from './useNow';

/**
 * One line of assist mode: what it is about, how things stand, and what staff can do about it —
 * one line each, so the screen reads (and Tab moves) from top to bottom.
 */
export function AssistRow(props: { readonly id: string; readonly title: string; readonly status: ReactNode; readonly children?: ReactNode }) {
  return (
    <section className="assist-row" aria-labelledby={`assist-${props.id}-title`} data-assist-row={props.id}>
      <h3 id={`assist-${props.id}-title`} className="assist-row__title">
        {props.title}
      </h3>
      <div className="assist-row__status">{props.status}</div>
      <div className="assist-row__actions">{props.children}</div>
    </section>
  );
}

export function ActionButton(props: {
  readonly action: string;
  readonly label: string;
  readonly disabled?: boolean;
  readonly onClick: () => void;
  readonly primary?: boolean;
}) {
  return (
    <button
      type="button"
      className={`button ${props.primary === true ? 'button--primary' : 'button--secondary'}`}
      data-action={props.action}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {props.label}
    </button>
  );
}

/** The call for help: its state, acknowledge (staff are on their way) and resolve (done). */
export function AssistHelpCall() {
  const { t, i18n } = useTranslation('staff');
  const view = useHelpCallStore((s) => s.view);
  const status =
    view.status === 'clear' ? (
      <p>{t('assist.help.clear')}</p>
    ) : view.status === 'requested' ? (
      <>
        <p data-help-call="requested">{t('assist.help.requested', { time: view.requestedAt === null ? '–' : clockTime(view.requestedAt, i18n.language) })}</p>
        {view.escalated && <p className="assist-row__warning">{t('assist.help.escalated')}</p>}
      </>
    ) : (
      <p data-help-call="acknowledged">{t('assist.help.acknowledged')}</p>
    );
  return (
    <AssistRow id="help" title={t('assist.help.title')} status={status}>
      <ActionButton
        action="acknowledge-help"
        label={t('assist.help.acknowledge')}
        disabled={view.status !== 'requested'}
        primary={view.status === 'requested'}
        onClick={() => void runStaffAction('acknowledge-help')}
      />
      <ActionButton
        action="resolve-help"
        label={t('assist.help.resolve')}
        disabled={view.status === 'clear'}
        onClick={() => void runStaffAction('resolve-help')}
      />
    </AssistRow>
  );
}

/** The citizen's session: reset it (their screen says a staff member restarted it), or end it and lock. */
export function AssistSession() {
  const { t } = useTranslation('staff');
  const running = useSessionStore((s) => s.snapshot?.state === 'active' || s.snapshot?.state === 'idle-warning');
  return (
    <AssistRow id="session" title={t('assist.session.title')} status={<p>{running ? t('assist.session.running') : t('assist.session.waiting')}</p>}>
      <ActionButton action="reset-session" label={t('assist.session.reset')} disabled={!running} onClick={() => void runStaffAction('reset-session')} />
      <ActionButton action="end-and-lock" label={t('assist.session.endAndLock')} onClick={() => void runStaffAction('end-and-lock')} />
    </AssistRow>
  );
}

/** Out of order on or off, with the place citizens are sent to; reload the content pack. */
export function AssistService() {
  const { t } = useTranslation('staff');
  const terminal = useStaffStore((s) => s.terminal);
  // Only the information terminal has a content pack to reload.
  const info = useTerminalStore((s) => s.bootstrap?.terminal.role === 'info');
  const status = (
    <>
      <p data-out-of-order={terminal.outOfOrder}>{terminal.outOfOrder ? t('assist.terminal.outOfOrder') : t('assist.terminal.inService')}</p>
      {terminal.place !== null && <p>{t('assist.terminal.place', { place: terminal.place })}</p>}
    </>
  );
  return (
    <AssistRow id="service" title={t('assist.terminal.title')} status={status}>
      {terminal.outOfOrder ? (
        <ActionButton action="out-of-order-off" label={t('assist.terminal.outOfOrderOff')} primary onClick={() => void runStaffAction('out-of-order-off')} />
      ) : (
        <ActionButton action="out-of-order-on" label={t('assist.terminal.outOfOrderOn')} onClick={() => void runStaffAction('out-of-order-on')} />
      )}
      {info && <ActionButton action="reload-content" label={t('assist.terminal.reloadContent')} onClick={() => void runStaffAction('reload-content')} />}
    </AssistRow>
  );
}

/** Restart the kiosk, or quit to the operating system (asked a second time). */
export function AssistApp() {
  const { t } = useTranslation('staff');
  const askQuit = useStaffStore((s) => s.askQuit);
  return (
    <AssistRow id="app" title={t('assist.app.title')} status={null}>
      <ActionButton action="restart-app" label={t('assist.app.restart')} onClick={() => void runStaffAction('restart-app')} />
      <ActionButton action="quit-app" label={t('assist.app.quit')} onClick={askQuit} />
    </AssistRow>
  );
}

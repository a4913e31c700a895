import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskDialog } from '../components/KioskDialog';
import { kioskApi } from '../kiosk/kioskApi';
import { canSubmitPin, pinDigits, pinMessage, pressPinKey, type PinKey, type PinMessage, type UnlockOutcome } from './pinEntry';
import { useStaffStore } from './staffStore';
import { clockTime, useNow } from './useNow';

/** A PIN pad left alone closes itself, so the next citizen does not find it open. */
const idleCloseMs = 60_000;

function PinMessageLine({ message, checking }: { readonly message: PinMessage; readonly checking: boolean }) {
  const { t, i18n } = useTranslation('staff');
  const text = checking
    ? t('pin.checking')
    : message.kind === 'wrong'
      ? t('pin.wrong', { count: message.attemptsLeft })
      : message.kind === 'locked'
        ? t('pin.locked', { time: clockTime(message.until, i18n.language) })
        : message.kind === 'locked-for-good'
          ? t('pin.lockedForGood')
          : message.kind === 'not-configured'
            ? t('pin.notConfigured')
            : t('pin.intro');
  return (
    <p className={`pin-pad__message pin-pad__message--${message.kind}`} role="status" data-pin-message={message.kind}>
      {text}
    </p>
  );
}

function PinDigitKey(props: { readonly digit: (typeof pinDigits)[number]; readonly disabled: boolean; readonly onPress: (key: PinKey) => void }) {
  return (
    <button
      type="button"
      className="button button--secondary pin-pad__key"
      data-pin-key={props.digit}
      disabled={props.disabled}
      onClick={() => {
        props.onPress(props.digit);
      }}
    >
      {props.digit}
    </button>
  );
}

/**
 * The staff PIN pad, opened by the hidden gesture. The digits live only in this component's state:
 * shown as dots, never read aloud (the dialog is quiet), emptied the moment they are sent, and gone
 * when the pad closes. The core checks the PIN and counts wrong ones; the pad shows what it says.
 */
export function StaffPinPad() {
  const { t, i18n } = useTranslation('staff');
  const assist = useStaffStore((s) => s.assist);
  const setAssist = useStaffStore((s) => s.setAssist);
  const closePad = useStaffStore((s) => s.closePad);
  const [digits, setDigits] = useState('');
  const [outcome, setOutcome] = useState<UnlockOutcome | null>(null);
  const [checking, setChecking] = useState(false);
  const lockedUntil = assist?.padLockedUntil ?? null;
  const now = useNow(1000, lockedUntil !== null);
  const message = pinMessage(assist, outcome, now);
  const refused = message.kind === 'locked' || message.kind === 'locked-for-good' || message.kind === 'not-configured';

  useEffect(() => {
    const timer = window.setTimeout(closePad, idleCloseMs);
    return () => {
      window.clearTimeout(timer);
    };
  }, [digits, outcome, closePad]);

  const press = (key: PinKey): void => {
    setDigits((current) => pressPinKey(current, key));
  };
  const submit = async (): Promise<void> => {
    const pin = digits;
    // Gone from the screen and from state at once: the PIN exists only in this one call.
    setDigits('');
    const api = kioskApi();
    if (api === null) return;
    setChecking(true);
    const result = await api.invoke('staff.unlock', { pin });
    setChecking(false);
    if (!result.ok) return;
    setOutcome(result.value.outcome);
    // "open" closes the pad and shows assist mode.
    setAssist(result.value.assist);
  };

  return (
    <KioskDialog
      screen="staff-pin"
      title={t('pin.title')}
      className="pin-pad"
      describedBy="staff-pin-message"
      lang={i18n.language}
      dir="ltr"
      quiet
      onCancel={closePad}
    >
      <div id="staff-pin-message">
        <PinMessageLine message={message} checking={checking} />
      </div>
      <p className="pin-pad__dots" role="img" aria-label={t('pin.entered', { count: digits.length })} data-masked="" data-digits={digits.length}>
        {Array.from({ length: digits.length }, (_, index) => (
          <span key={index} className="pin-pad__dot" aria-hidden="true" />
        ))}
      </p>
      <div className="pin-pad__keys" role="group" aria-label={t('pin.digits')}>
        {pinDigits.slice(0, 9).map((digit) => (
          <PinDigitKey key={digit} digit={digit} disabled={checking} onPress={press} />
        ))}
        {/* The last row as on a phone: delete, 0, OK (in the page's order too, for keys and reading). */}
        <button
          type="button"
          className="button button--secondary pin-pad__key pin-pad__key--delete"
          data-pin-key="delete"
          disabled={checking || digits === ''}
          onClick={() => {
            press('delete');
          }}
        >
          {t('pin.delete')}
        </button>
        <PinDigitKey digit="0" disabled={checking} onPress={press} />
        <button
          type="button"
          className="button button--primary pin-pad__key pin-pad__key--ok"
          data-action="submit-pin"
          disabled={checking || !canSubmitPin(digits, refused)}
          onClick={() => void submit()}
        >
          {t('pin.ok')}
        </button>
      </div>
      <div className="kiosk-dialog__actions">
        <button type="button" className="button button--secondary" data-action="cancel-pin" onClick={closePad}>
          {t('pin.cancel')}
        </button>
      </div>
    </KioskDialog>
  );
}

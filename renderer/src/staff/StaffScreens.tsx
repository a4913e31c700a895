import { useLayoutEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { useTerminalStore } from '../state/terminalStore';
import { AssistMode } from './AssistMode';
import { AssistQuitConfirm } from './AssistQuitConfirm';
import { StaffPinPad } from './StaffPinPad';
import { applyStaffLanguage, staffI18n } from './staffI18n';
import { useStaffStore } from './staffStore';
import { useStaffActivity } from './useStaffActivity';

/** Open assist mode, or its "really quit?" in its place (one dialog at a time). */
function OpenAssist() {
  const confirmingQuit = useStaffStore((s) => s.confirmingQuit);
  useStaffActivity();
  return confirmingQuit ? <AssistQuitConfirm /> : <AssistMode />;
}

/**
 * The staff screens over everything else: the PIN pad (after the hidden gesture) and assist mode
 * (after a right PIN), in the staff's language through their own i18next instance.
 */
export function StaffScreens() {
  const padOpen = useStaffStore((s) => s.padOpen);
  const open = useStaffStore((s) => s.assist?.mode === 'open');
  const chosen = useStaffStore((s) => s.language);
  const configured = useTerminalStore((s) => s.bootstrap?.staff.language ?? 'de');
  const language = chosen ?? configured;
  useLayoutEffect(() => {
    applyStaffLanguage(language);
  }, [language]);
  if (!open && !padOpen) return null;
  return <I18nextProvider i18n={staffI18n}>{open ? <OpenAssist /> : <StaffPinPad />}</I18nextProvider>;
}

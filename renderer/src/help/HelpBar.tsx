import { useTranslation } from 'react-i18next';
import { DeviceStatusMark } from '../devices/DeviceStatusMark';
import { PrivacyButton } from '../screens/privacy/PrivacyButton';
import { HelpButton } from './HelpButton';
import { HelpConfirmDialog } from './HelpConfirmDialog';
import { HelpStatus } from './HelpStatus';
import { useHelpConfirmStore } from './helpStore';

/**
 * The strip along the bottom of every screen (attract, session screens, out of order): the help
 * button at its end, where the hand of a seated person reaches it too, and the open call's state
 * beside it. It is part of the layout, not drawn over it, so nothing of a screen hides under it
 * (nor does a native portal view cover it). The privacy button sits at its start, away from help,
 * because this bar is the one strip every citizen screen has.
 */
export function HelpBar() {
  const { t } = useTranslation();
  const askingOn = useHelpConfirmStore((s) => s.askingOn);
  return (
    <aside className="help-bar" data-help-bar="" aria-label={t('help.bar')}>
      <PrivacyButton />
      <DeviceStatusMark />
      <HelpStatus />
      <HelpButton />
      {askingOn !== null && <HelpConfirmDialog screen={askingOn} />}
    </aside>
  );
}

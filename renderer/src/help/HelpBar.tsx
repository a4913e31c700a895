import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { DeviceStatusMark } from '../devices/DeviceStatusMark';
import { PrivacyButton } from '../screens/privacy/PrivacyButton';
import { HelpButton } from './HelpButton';
import { HelpConfirmDialog } from './HelpConfirmDialog';
import { HelpStatus } from './HelpStatus';
import { useHelpConfirmStore } from './helpStore';

/**
 * "Call a staff member?" while it is asked. It opens (and closes) as a transition: the tap is
 * answered on screen before the browser makes the rest of the page inert for the modal dialog. Its
 * own component, so the question coming and going does not redraw the rest of the bar.
 */
function HelpQuestion() {
  const askingOn = useDeferredValue(useHelpConfirmStore((s) => s.askingOn));
  return askingOn === null ? null : <HelpConfirmDialog screen={askingOn} />;
}

/**
 * The strip along the bottom of every screen (attract, session screens, out of order): the help
 * button at its end, where the hand of a seated person reaches it too, and the open call's state
 * beside it. It is part of the layout, not drawn over it, so nothing of a screen hides under it
 * (nor does a native portal view cover it). The privacy button sits at its start, away from help,
 * because this bar is the one strip every citizen screen has.
 */
export function HelpBar() {
  const { t } = useTranslation();
  return (
    <aside className="help-bar" data-help-bar="" aria-label={t('help.bar')}>
      <PrivacyButton />
      <DeviceStatusMark />
      <HelpStatus />
      <HelpButton />
      <HelpQuestion />
    </aside>
  );
}

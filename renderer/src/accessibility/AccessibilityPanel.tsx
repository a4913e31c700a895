import { useTranslation } from 'react-i18next';
import { KioskDialog } from '../components/KioskDialog';
import { readScreenAgain } from '../speech/speech';
import { contrasts, motions, reaches, readAlouds, textSizes, useAccessibilityStore, volumes, type AccessibilitySettings } from '../state/accessibilityStore';

interface ChoiceProps<K extends keyof AccessibilitySettings> {
  readonly setting: K;
  readonly legend: string;
  readonly options: readonly AccessibilitySettings[K][];
  readonly label: (option: AccessibilitySettings[K]) => string;
}

/** One setting as a group of large buttons; the chosen one is pressed. */
function Choice<K extends keyof AccessibilitySettings>({ setting, legend, options, label }: ChoiceProps<K>) {
  const value = useAccessibilityStore((s) => s[setting]);
  const change = useAccessibilityStore((s) => s.change);
  return (
    <fieldset className="settings-choice" data-setting={setting}>
      <legend>{legend}</legend>
      <div className="settings-choice__options">
        {options.map((option) => (
          <button
            key={option}
            type="button"
            className="button button--choice"
            aria-pressed={option === value}
            data-value={option}
            onClick={() => {
              change({ [setting]: option });
            }}
          >
            {label(option)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/** Text size, contrast, low reach, motion and read-aloud — for this session only. */
export function AccessibilityPanel({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const readAloud = useAccessibilityStore((s) => s.readAloud);
  return (
    <KioskDialog screen="accessibility" title={t('accessibility.title')} className="settings-panel" onCancel={onClose}>
      <Choice setting="textSize" legend={t('accessibility.textSize')} options={textSizes} label={(o) => t(`accessibility.textSizes.${o}`)} />
      <Choice setting="contrast" legend={t('accessibility.contrast')} options={contrasts} label={(o) => t(`accessibility.contrasts.${o}`)} />
      <Choice setting="reach" legend={t('accessibility.reach')} options={reaches} label={(o) => t(`accessibility.reaches.${o}`)} />
      <Choice setting="motion" legend={t('accessibility.motion')} options={motions} label={(o) => t(`accessibility.motions.${o}`)} />
      <Choice setting="readAloud" legend={t('accessibility.readAloud')} options={readAlouds} label={(o) => t(`accessibility.readAlouds.${o}`)} />
      {readAloud === 'on' && (
        <>
          <Choice setting="volume" legend={t('accessibility.volume')} options={volumes} label={(o) => t(`accessibility.volumes.${o}`)} />
          <button type="button" className="button button--secondary settings-panel__repeat" data-action="repeat-speech" onClick={readScreenAgain}>
            {t('accessibility.repeat')}
          </button>
        </>
      )}
      <p className="settings-panel__note">{t('accessibility.resetNote')}</p>
      <button type="button" className="button button--primary" data-action="close-accessibility" onClick={onClose}>
        {t('accessibility.close')}
      </button>
    </KioskDialog>
  );
}

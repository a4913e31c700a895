import { startTransition, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessibilityPanel } from './AccessibilityPanel';

/** The accessibility figure, recognisable without reading. */
function AccessibilityIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <circle cx="12" cy="4" r="2" fill="currentColor" />
      <path d="M4 8l8 1.5L20 8M12 9.5V15M12 15l-4 7M12 15l4 7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** Opens the display settings; on every screen beside the language switch. */
export function AccessibilityButton({ className = '' }: { readonly className?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={`button button--icon-label ${className}`}
        data-action="open-accessibility"
        aria-haspopup="dialog"
        onClick={() => {
          // A transition: the tap is answered on screen before the dialog is built and made modal.
          startTransition(() => {
            setOpen(true);
          });
        }}
      >
        <AccessibilityIcon />
        <span>{t('accessibility.open')}</span>
      </button>
      {open && (
        <AccessibilityPanel
          onClose={() => {
            startTransition(() => {
              setOpen(false);
            });
          }}
        />
      )}
    </>
  );
}

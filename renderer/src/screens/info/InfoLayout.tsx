import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TopBar } from '../../components/TopBar';
import type { ScreenId } from '../screenRegistry';
import { useInfoNavigation } from './infoScreenNavigation';

/** An arrow that points back: to the left, mirrored in right-to-left languages by the style sheet. */
export function BackArrow() {
  return (
    <svg className="icon icon--directional" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The frame of every information screen: top bar, back and home, one heading, the content. */
export function InfoLayout(props: { readonly screen: ScreenId; readonly title: string; readonly titleLang?: string; readonly children: ReactNode }) {
  const { t } = useTranslation();
  const { depth, back, home } = useInfoNavigation();
  return (
    <div className="screen screen--info" data-screen={props.screen}>
      <TopBar />
      <main className="info">
        {depth > 0 && (
          <nav className="info__nav" aria-label={t('info.navigation')}>
            <button type="button" className="button button--secondary button--icon-label" data-action="back" onClick={back}>
              <BackArrow />
              <span>{t('info.back')}</span>
            </button>
            {depth > 1 && (
              <button type="button" className="button button--secondary" data-action="info-home" onClick={home}>
                {t('info.home')}
              </button>
            )}
          </nav>
        )}
        <ScreenHeading lang={props.titleLang}>{props.title}</ScreenHeading>
        {props.children}
      </main>
    </div>
  );
}

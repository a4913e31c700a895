import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalTileView } from '#shared/contract/portalContract';
import { afterNextPaint } from '../../components/afterNextPaint';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TopBar } from '../../components/TopBar';
import { useEffectiveLanguage } from '../../i18n/useEffectiveLanguage';
import { invoke } from '../../kiosk/invoke';
import { Shown } from '../../info/Shown';
import { usePortalStore } from '../../state/portalStore';
import { PortalIcon } from './PortalIcon';

/** The workstation's start page: one large tile per online service of this terminal's config. */
export function PortalStartScreen() {
  const { t } = useTranslation();
  const language = useEffectiveLanguage();
  const [tiles, setTiles] = useState<readonly PortalTileView[] | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const setView = usePortalStore((s) => s.setView);
  const setTile = usePortalStore((s) => s.setTile);
  useEffect(() => {
    let current = true;
    void invoke('portal.tiles', { language }).then((result) => {
      if (current && result !== null) setTiles(result.tiles);
    });
    return () => {
      current = false;
    };
  }, [language]);

  return (
    <div className="screen screen--home" data-screen="home-workstation">
      <TopBar />
      <main className="home portal-start">
        <ScreenHeading>{t('portal.start.title')}</ScreenHeading>
        <p className="home__intro">{t('portal.start.intro')}</p>
        {tiles !== null && tiles.length === 0 && <p className="message">{t('portal.start.none')}</p>}
        {tiles !== null && tiles.length > 0 && (
          <ul className="portal-tiles">
            {tiles.map((tile) => (
              <li key={tile.id}>
                <button
                  type="button"
                  className="portal-tile"
                  data-tile={tile.id}
                  disabled={opening !== null}
                  onClick={() => {
                    setOpening(tile.id);
                    setTile(tile);
                    // Opening a service is heavy work for the host and the browser: the tap is on screen first.
                    afterNextPaint(() => {
                      void invoke('portal.open', { tileId: tile.id }).then((view) => {
                        setOpening(null);
                        if (view !== null) setView(view);
                      });
                    });
                  }}
                >
                  <PortalIcon name={tile.icon} />
                  <span className="portal-tile__label">
                    <Shown text={tile.label} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}

import { createContext, use, useMemo } from 'react';
import { useInfoNavigationStore, type InfoRoute } from '../../state/infoNavigationStore';

/**
 * The way to the information screen on show. InfoTerminal draws the next screen after the tap has
 * been answered on screen, so for a moment this lags behind the navigation store.
 */
export const ShownInfoStack = createContext<readonly InfoRoute[]>([]);

export interface InfoNavigation {
  /** How many steps the screen on show is below home. */
  readonly depth: number;
  readonly go: (route: InfoRoute) => void;
  readonly back: () => void;
  readonly home: () => void;
}

/** Whether `shown` is still where the citizen is: no tap has moved on from it yet. */
export function isOnShow(shown: readonly InfoRoute[]): boolean {
  return useInfoNavigationStore.getState().stack === shown;
}

/**
 * Navigation for the screen on show. A tap on a screen the citizen has already left (the next one
 * is still being drawn) does nothing: a quick second tap must not act on a screen that is going.
 */
export function useInfoNavigation(): InfoNavigation {
  const shown = use(ShownInfoStack);
  return useMemo(() => {
    const store = useInfoNavigationStore.getState();
    return {
      depth: shown.length,
      go: (route) => {
        if (isOnShow(shown)) store.go(route);
      },
      back: () => {
        if (isOnShow(shown)) store.back();
      },
      home: () => {
        if (isOnShow(shown)) store.home();
      },
    };
  }, [shown]);
}

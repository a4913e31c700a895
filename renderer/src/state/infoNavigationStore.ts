import type { ShownText, Ticket } from '#shared/contract/contentContract';
import type { PrintResult } from '#shared/devices/receipt';
import { defineCitizenStore } from './storeRegistry';

/** Where the citizen is on the information terminal, below its home. */
export type InfoRoute =
  | { readonly screen: 'info-topic'; readonly topicId: string }
  | { readonly screen: 'info-search' }
  | { readonly screen: 'info-service'; readonly serviceId: string }
  | { readonly screen: 'info-wayfinding'; readonly serviceId: string }
  | { readonly screen: 'info-queue' }
  | { readonly screen: 'info-ticket'; readonly ticket: Ticket; readonly category: ShownText; readonly print: PrintResult };

interface InfoNavigationState {
  /** The way from the home screen to the current screen; empty on the home screen. */
  readonly stack: readonly InfoRoute[];
  /** What the citizen typed into the search. */
  readonly query: string;
  go: (route: InfoRoute) => void;
  /** Replaces the current screen (the queue's ticket replaces the category choice). */
  replace: (route: InfoRoute) => void;
  back: () => void;
  home: () => void;
  setQuery: (query: string) => void;
}

/** The information terminal's navigation and search text: the citizen's, wiped at every reset. */
export const useInfoNavigationStore = defineCitizenStore<InfoNavigationState>('infoNavigation', (set) => ({
  stack: [],
  query: '',
  go: (route) => {
    set((s) => ({ stack: [...s.stack, route] }));
  },
  replace: (route) => {
    set((s) => ({ stack: [...s.stack.slice(0, -1), route] }));
  },
  back: () => {
    set((s) => ({ stack: s.stack.slice(0, -1) }));
  },
  home: () => {
    set({ stack: [], query: '' });
  },
  setQuery: (query) => {
    set({ query: query.slice(0, 100) });
  },
}));

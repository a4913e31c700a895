import { clearHelpView } from '#shared/contract/helpContract';
import type { KioskApi } from '#shared/contract/kioskApi';
import { useTerminalStore } from '../state/terminalStore';
import { playChime } from './chimePlayer';
import { chimeFor, type ChimePlan } from './helpChime';
import { useHelpCallStore } from './helpStore';

/**
 * Follows the core's call for help (its state lives in core: it survives a reload of this page and
 * clears when the core clears it) and sounds the chime on the changes `chimeFor` names. The chime
 * follows the store, not the messages, so a call seen first in the answer to help.request and then
 * again in help.changed chimes once. Returns the unsubscribe function.
 */
export function followHelp(api: KioskApi, play: (plan: ChimePlan) => void = playChime): () => void {
  const unsubscribeChime = useHelpCallStore.subscribe((state, previous) => {
    // The first state known after a (re)load is where things stand, not a change.
    if (!previous.synced) return;
    const plan = chimeFor(previous.view, state.view, useTerminalStore.getState().bootstrap?.help.chime ?? null);
    if (plan !== null) play(plan);
  });
  const unsubscribeEvents = api.on('help.changed', (view) => {
    useHelpCallStore.getState().setView(view);
  });
  void api.invoke('help.status', {}).then((result) => {
    // Without an answer the call is taken as clear, so the next call still chimes.
    if (!useHelpCallStore.getState().synced) useHelpCallStore.getState().setView(result.ok ? result.value : clearHelpView);
  });
  return () => {
    unsubscribeChime();
    unsubscribeEvents();
  };
}

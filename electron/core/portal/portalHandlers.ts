import type { portalRequestChannels } from '#shared/contract/portalContract';
import { fail, ok } from '#shared/result';
import type { RequestHandlers } from '../ipc/ipcRouter';
import type { PortalService } from './portalService';

export type PortalHandlers = Pick<RequestHandlers, keyof typeof portalRequestChannels>;

/** The portal.* channels; a terminal without a portal view has no tiles and answers 'unavailable'. */
export function createPortalHandlers(deps: { readonly portal: PortalService | null }): PortalHandlers {
  const { portal } = deps;
  const noPortal = fail('unavailable', 'this terminal has no portal view');
  return {
    'portal.tiles': ({ language }) => ok({ tiles: portal?.tiles(language) ?? [] }),
    'portal.open': ({ tileId }) => portal?.open(tileId) ?? noPortal,
    'portal.command': ({ command }) => portal?.command(command) ?? noPortal,
    'portal.layout': (layout) => portal?.layout(layout) ?? noPortal,
    'portal.type': ({ text }) => portal?.type(text) ?? noPortal,
    'portal.key': ({ key }) => portal?.key(key) ?? noPortal,
    'portal.pointer': (event) => portal?.pointer(event) ?? noPortal,
    'portal.wheel': (event) => portal?.wheel(event) ?? noPortal,
    'portal.print': ({ what }) => portal?.print(what) ?? noPortal,
    'portal.answerDialog': ({ id, accept, text }) => portal?.answerDialog(id, accept, text) ?? noPortal,
    'portal.chooseFiles': ({ id, names }) => portal?.chooseFiles(id, names) ?? noPortal,
    'portal.dismiss': ({ what }) => portal?.dismiss(what) ?? noPortal,
  };
}

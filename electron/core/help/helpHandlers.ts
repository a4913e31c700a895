import type { helpRequestChannels } from '#shared/contract/helpContract';
import { ok } from '#shared/result';
import type { RequestHandlers } from '../ipc/ipcRouter';
import type { HelpService } from './helpService';

export type HelpHandlers = Pick<RequestHandlers, keyof typeof helpRequestChannels>;

/** The citizen's help.* channels: call, take back, and the call as it is now. */
export function createHelpHandlers(deps: { readonly help: Pick<HelpService, 'request' | 'cancel' | 'view'> }): HelpHandlers {
  const { help } = deps;
  return {
    'help.request': (context) => help.request(context),
    'help.cancel': () => help.cancel(),
    'help.status': () => ok(help.view()),
  };
}

import type { contentRequestChannels } from '#shared/contract/contentContract';
import { fail, ok } from '#shared/result';
import type { RequestHandlers } from '../ipc/ipcRouter';
import type { QueueDesk } from '../queue/queueDesk';
import type { ContentDesk } from './contentDesk';
import type { ContentService } from './contentService';
import { contentStatusView } from './contentStatusView';
import type { InfoSlipDesk } from './infoSlip';

export type ContentHandlers = Pick<RequestHandlers, keyof typeof contentRequestChannels>;

export interface ContentHandlersDeps {
  /** The content pack; null on a terminal without one. */
  readonly content: ContentService | null;
  /** Answers from the pack; null without a pack. */
  readonly desk: ContentDesk | null;
  /** Information slips; null without a pack. */
  readonly slips: InfoSlipDesk | null;
  /** Queue tickets; null without a pack or a data folder for the ticket numbers. */
  readonly queue: QueueDesk | null;
}

/** The content.* channels and queue.draw; without a pack they answer 'unavailable' (the home screen says so). */
export function createContentHandlers(deps: ContentHandlersDeps): ContentHandlers {
  const { content, desk, slips, queue } = deps;
  const unavailable = fail('unavailable', 'no content pack configured');
  return {
    'content.status': () => ok(contentStatusView(content)),
    'content.home': ({ language }) =>
      ok(desk ? desk.home(language) : { available: false, sampleData: false, topics: [], opening: { open: false, nextOpening: null }, queue: [] }),
    'content.topic': ({ topicId, language }) => desk?.topic(topicId, language) ?? unavailable,
    'content.search': ({ query, language }) => desk?.search(query, language) ?? unavailable,
    'content.service': ({ serviceId, language }) => desk?.service(serviceId, language) ?? unavailable,
    'content.printSlip': (request) => slips?.printSlip(request) ?? unavailable,
    'queue.draw': (request) => queue?.draw(request) ?? unavailable,
  };
}

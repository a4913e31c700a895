import { useDeferredValue, useMemo } from 'react';
import { useInfoNavigationStore, type InfoRoute } from '../../state/infoNavigationStore';
import { InfoHomeScreen } from './InfoHomeScreen';
import { QueueScreen } from './QueueScreen';
import { SearchScreen } from './SearchScreen';
import { ServiceScreen } from './ServiceScreen';
import { TicketScreen } from './TicketScreen';
import { TopicScreen } from './TopicScreen';
import { WayfindingScreen } from './WayfindingScreen';
import { ShownInfoStack } from './infoScreenNavigation';

/** The screen at the end of `stack`. */
function screenFor(stack: readonly InfoRoute[]) {
  const route = stack.at(-1);
  const depth = stack.length;
  // A new key per step, so every screen starts at its heading (focus and speech).
  switch (route?.screen) {
    case undefined:
      return <InfoHomeScreen key={depth} />;
    case 'info-topic':
      return <TopicScreen key={depth} topicId={route.topicId} />;
    case 'info-search':
      return <SearchScreen key={depth} />;
    case 'info-service':
      return <ServiceScreen key={depth} serviceId={route.serviceId} />;
    case 'info-wayfinding':
      return <WayfindingScreen key={depth} serviceId={route.serviceId} />;
    case 'info-queue':
      return <QueueScreen key={depth} />;
    case 'info-ticket':
      return <TicketScreen key={depth} ticket={route.ticket} category={route.category} print={route.print} />;
  }
}

/** The information terminal: its home, or the screen the citizen went to from there. */
export function InfoTerminal() {
  const stack = useInfoNavigationStore((s) => s.stack);
  // The next screen is drawn as a transition: the tap is answered on screen first (its frame is not
  // held up by building the whole next screen), and the screen being left is not drawn again meanwhile.
  const shown = useDeferredValue(stack);
  return useMemo(() => <ShownInfoStack value={shown}>{screenFor(shown)}</ShownInfoStack>, [shown]);
}

import { ScreenHeading } from '../../components/ScreenHeading';
import { TopBar } from '../../components/TopBar';
import type { ScreenId } from '../screenRegistry';
import { EntryPointList, type EntryPoint } from './EntryPointList';

/** The layout both role homes share: top bar, the role's name, an intro and its entry points. */
export function RoleHome(props: { readonly screen: ScreenId; readonly title: string; readonly intro: string; readonly entries: readonly EntryPoint[] }) {
  return (
    <div className="screen screen--home" data-screen={props.screen}>
      <TopBar />
      <main className="home">
        <ScreenHeading>{props.title}</ScreenHeading>
        <p className="home__intro">{props.intro}</p>
        <EntryPointList entries={props.entries} />
      </main>
    </div>
  );
}

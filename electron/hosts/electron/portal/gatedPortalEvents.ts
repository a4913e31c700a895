import type { PortalPageEvents } from '#core/portal/portalSurface';

/**
 * The service's event sink as the Electron handlers see it: silent once the page is closed (its
 * contents still report while they are torn down), and a throwing listener is caught here, so it
 * never breaks an Electron handler that must still call preventDefault or a callback.
 */
export function gatePortalEvents(events: PortalPageEvents, isOpen: () => boolean, onError: (event: string, error: unknown) => void): PortalPageEvents {
  const gate =
    <A extends unknown[]>(name: keyof PortalPageEvents, call: (...args: A) => void) =>
    (...args: A): void => {
      if (!isOpen()) return;
      try {
        call(...args);
      } catch (error) {
        onError(name, error);
      }
    };
  return {
    loading: gate('loading', (loading: boolean) => events.loading(loading)),
    navigated: gate('navigated', (info: Parameters<PortalPageEvents['navigated']>[0]) => events.navigated(info)),
    blocked: gate('blocked', (refusal: Parameters<PortalPageEvents['blocked']>[0]) => events.blocked(refusal)),
    failed: gate('failed', (error: Parameters<PortalPageEvents['failed']>[0]) => events.failed(error)),
    focus: gate('focus', (kind: Parameters<PortalPageEvents['focus']>[0]) => events.focus(kind)),
    dialog: gate('dialog', (request: Parameters<PortalPageEvents['dialog']>[0], answer: Parameters<PortalPageEvents['dialog']>[1]) =>
      events.dialog(request, answer),
    ),
    download: gate('download', (download: Parameters<PortalPageEvents['download']>[0]) => events.download(download)),
    fileChooser: gate('fileChooser', (chooser: Parameters<PortalPageEvents['fileChooser']>[0]) => events.fileChooser(chooser)),
    refused: gate('refused', (what: Parameters<PortalPageEvents['refused']>[0]) => events.refused(what)),
    frame: gate('frame', (frame: Parameters<PortalPageEvents['frame']>[0]) => events.frame(frame)),
    activity: gate('activity', () => events.activity()),
  };
}

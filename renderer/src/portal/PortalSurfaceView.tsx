import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import type { RequestChannel, RequestOf } from '#shared/contract/channels';
import type { PortalLayout, PortalPointer } from '#shared/contract/portalContract';
import { moveFocus } from '../keyboard/focusMove';
import { kioskApi } from '../kiosk/kioskApi';
import { usePortalStore } from '../state/portalStore';
import { canvasTarget, createFramePainter } from './framePainter';
import { portalKeyAction } from './portalKeyForward';
import { useOverlayOpen } from './useOverlayOpen';

/** Input is sent as it happens; a failure (the page just closed) needs no notice to the citizen. */
function send<C extends RequestChannel>(channel: C, payload: RequestOf<C>): void {
  void kioskApi()?.invoke(channel, payload);
}

/** The picture of the portal page (Chromium host), drawn anew with every frame the host sends. */
function PortalFrameCanvas() {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Hidden until the first frame is on it, as the picture of a page that has not loaded yet.
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const element = canvas.current;
    if (element === null) return;
    const painter = createFramePainter(
      canvasTarget(element),
      (jpeg) => createImageBitmap(jpeg),
      () => {
        setDrawn(true);
      },
    );
    const first = usePortalStore.getState().frame;
    if (first !== null) painter.show(first);
    // Straight from the store: a frame is drawn without rendering anything.
    const unsubscribe = usePortalStore.subscribe((state, previous) => {
      if (state.frame !== null && state.frame !== previous.frame) painter.show(state.frame);
    });
    return () => {
      unsubscribe();
      painter.stop();
    };
  }, []);
  return <canvas ref={canvas} className="portal-surface__frame" hidden={!drawn} aria-hidden="true" />;
}

/** The picture, once the host has sent one. */
function PortalFrameImage() {
  const hasFrame = usePortalStore((s) => s.frame !== null);
  return hasFrame ? <PortalFrameCanvas /> : null;
}

/**
 * The area where the portal page is shown, below the kiosk's toolbar. It reports its place to the
 * host (which sizes the page, or places Electron's native view over it) and, when the host sends
 * frames, draws them and forwards touches, wheel and keys to the page. While it has focus the keys
 * are the page's; Tab past the page's last control moves on in the kiosk, and Escape goes back to
 * the toolbar at once, so keyboard users are never trapped.
 */
export function PortalSurfaceView(props: { readonly label: string; readonly hint: string; readonly onLeave: () => void }) {
  const area = useRef<HTMLDivElement>(null);
  const surface = usePortalStore((s) => s.view?.surface ?? 'frames');
  const overlayOpen = useOverlayOpen();
  const pending = useRef<PortalPointer | null>(null);
  const pressed = useRef(false);
  /** The direction of the last Tab sent to the page, until the page says where its focus went. */
  const tabbing = useRef<'next' | 'previous' | null>(null);

  useEffect(
    () =>
      // Every report, straight from the store (a render could fold two reports into one): Tab went
      // past the page's last (or first) control, so on to the kiosk's next control, as a browser
      // moves from the page to its own toolbar.
      usePortalStore.subscribe((state, previous) => {
        const focus = state.view?.focus;
        if (focus === previous.view?.focus) return;
        const direction = tabbing.current;
        tabbing.current = null;
        if (direction !== null && focus === 'nothing' && document.activeElement === area.current) moveFocus(document, direction);
      }),
    [],
  );

  useEffect(() => {
    const element = area.current;
    if (element === null) return;
    let last = '';
    const report = (): void => {
      const rect = element.getBoundingClientRect();
      const layout: PortalLayout = {
        visible: !overlayOpen,
        x: Math.max(0, Math.round(rect.left)),
        y: Math.max(0, Math.round(rect.top)),
        width: Math.max(100, Math.round(rect.width)),
        height: Math.max(100, Math.round(rect.height)),
      };
      const key = JSON.stringify(layout);
      if (key === last) return;
      last = key;
      send('portal.layout', layout);
    };
    const observer = new ResizeObserver(report);
    observer.observe(element);
    window.addEventListener('resize', report);
    report();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', report);
    };
  }, [overlayOpen]);

  if (surface === 'native') {
    // Electron draws its own view over this area; it only has to keep its place.
    return <div ref={area} className="portal-surface portal-surface--native" data-portal-view="" />;
  }

  const point = (event: PointerEvent<HTMLDivElement>, type: PortalPointer['type']): PortalPointer => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { type, pointer: event.pointerType === 'mouse' ? 'mouse' : 'touch', x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const flushMove = (): void => {
    const move = pending.current;
    pending.current = null;
    if (move !== null) send('portal.pointer', move);
  };

  return (
    <div
      ref={area}
      className="portal-surface portal-surface--frames"
      data-portal-view=""
      role="region"
      aria-label={props.label}
      aria-describedby="portal-view-hint"
      tabIndex={0}
      onPointerDown={(event) => {
        // A tap is no Tab: focus the page loses to it must not move the kiosk's focus on.
        tabbing.current = null;
        event.currentTarget.setPointerCapture(event.pointerId);
        event.currentTarget.focus({ preventScroll: true });
        pressed.current = true;
        send('portal.pointer', point(event, 'down'));
      }}
      onPointerMove={(event) => {
        if (!pressed.current) return;
        // One move per animation frame is plenty for scrolling and keeps the channel calm.
        const first = pending.current === null;
        pending.current = point(event, 'move');
        if (first) requestAnimationFrame(flushMove);
      }}
      onPointerUp={(event) => {
        pressed.current = false;
        flushMove();
        send('portal.pointer', point(event, 'up'));
      }}
      onPointerCancel={(event) => {
        pressed.current = false;
        pending.current = null;
        send('portal.pointer', point(event, 'cancel'));
      }}
      onWheel={(event: WheelEvent<HTMLDivElement>) => {
        const rect = event.currentTarget.getBoundingClientRect();
        send('portal.wheel', { x: event.clientX - rect.left, y: event.clientY - rect.top, deltaX: event.deltaX, deltaY: event.deltaY });
      }}
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
        const action = portalKeyAction(event);
        if (action.kind === 'kiosk') return;
        event.preventDefault();
        if (action.kind === 'leave') props.onLeave();
        else if (action.kind === 'type') send('portal.type', { text: action.text });
        else {
          if (action.key === 'Tab' || action.key === 'Shift+Tab') tabbing.current = action.key === 'Tab' ? 'next' : 'previous';
          send('portal.key', { key: action.key });
        }
      }}
      onContextMenu={(event) => {
        event.preventDefault();
      }}
    >
      <PortalFrameImage />
      <span id="portal-view-hint" className="visually-hidden">
        {props.hint}
      </span>
    </div>
  );
}

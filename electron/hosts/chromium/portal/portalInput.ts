import type { PortalKey, PortalPointer, PortalWheel } from '#shared/contract/portalContract';

/**
 * Touches, clicks and keys from the kiosk UI, turned into DevTools input for the portal page. The
 * UI sends coordinates in the page's own CSS pixels (it draws the frames 1:1).
 */

/** DevTools `Input.dispatchTouchEvent` parameters (the part used here). */
export interface TouchParams {
  type: 'touchStart' | 'touchMove' | 'touchEnd' | 'touchCancel';
  touchPoints: { x: number; y: number }[];
}

/** DevTools `Input.dispatchMouseEvent` parameters (the part used here). */
export interface MouseParams {
  type: 'mousePressed' | 'mouseReleased' | 'mouseMoved' | 'mouseWheel';
  x: number;
  y: number;
  button?: 'none' | 'left';
  buttons?: number;
  clickCount?: number;
  deltaX?: number;
  deltaY?: number;
}

export type PointerCommand =
  { readonly method: 'Input.dispatchTouchEvent'; readonly params: TouchParams } | { readonly method: 'Input.dispatchMouseEvent'; readonly params: MouseParams };

const touchTypes = { down: 'touchStart', move: 'touchMove', up: 'touchEnd', cancel: 'touchCancel' } as const;
const mouseTypes = { down: 'mousePressed', move: 'mouseMoved', up: 'mouseReleased', cancel: 'mouseReleased' } as const;

/** The DevTools command for one pointer event: touches as touches (so pages scroll and tap natively). */
export function pointerCommand(event: PortalPointer): PointerCommand {
  if (event.pointer === 'touch') {
    const type = touchTypes[event.type];
    // A touch that ends has no points left.
    const touchPoints = type === 'touchEnd' || type === 'touchCancel' ? [] : [{ x: event.x, y: event.y }];
    return { method: 'Input.dispatchTouchEvent', params: { type, touchPoints } };
  }
  const type = mouseTypes[event.type];
  const pressed = event.type === 'down' || event.type === 'up' || event.type === 'cancel';
  return {
    method: 'Input.dispatchMouseEvent',
    params: { type, x: event.x, y: event.y, button: pressed ? 'left' : 'none', buttons: event.type === 'down' ? 1 : 0, clickCount: pressed ? 1 : 0 },
  };
}

/** A wheel turn at a point. */
export function wheelCommand(event: PortalWheel): MouseParams {
  return { type: 'mouseWheel', x: event.x, y: event.y, deltaX: event.deltaX, deltaY: event.deltaY };
}

/** The key (combination) Playwright presses for a forwarded key. */
export function keyCombination(key: PortalKey): string {
  return key === 'Space' ? ' ' : key;
}

import { describe, expect, it } from 'vitest';
import { keyCombination, pointerCommand, wheelCommand } from '#electron/hosts/chromium/portal/portalInput';
import { loadFailureKind } from '#core/portal/loadFailure';
import { portalKeyAction } from '#renderer/portal/portalKeyForward';

describe('pointerCommand', () => {
  it('sends touches as touches, with no points left when the finger lifts', () => {
    expect(pointerCommand({ type: 'down', pointer: 'touch', x: 10, y: 20 })).toEqual({
      method: 'Input.dispatchTouchEvent',
      params: { type: 'touchStart', touchPoints: [{ x: 10, y: 20 }] },
    });
    expect(pointerCommand({ type: 'move', pointer: 'touch', x: 11, y: 25 }).params).toEqual({ type: 'touchMove', touchPoints: [{ x: 11, y: 25 }] });
    expect(pointerCommand({ type: 'up', pointer: 'touch', x: 11, y: 25 }).params).toEqual({ type: 'touchEnd', touchPoints: [] });
    expect(pointerCommand({ type: 'cancel', pointer: 'touch', x: 0, y: 0 }).params).toEqual({ type: 'touchCancel', touchPoints: [] });
  });

  it('sends a mouse press and release as one left click', () => {
    expect(pointerCommand({ type: 'down', pointer: 'mouse', x: 1, y: 2 })).toEqual({
      method: 'Input.dispatchMouseEvent',
      params: { type: 'mousePressed', x: 1, y: 2, button: 'left', buttons: 1, clickCount: 1 },
    });
    expect(pointerCommand({ type: 'up', pointer: 'mouse', x: 1, y: 2 }).params).toMatchObject({ type: 'mouseReleased', button: 'left', clickCount: 1 });
    expect(pointerCommand({ type: 'move', pointer: 'mouse', x: 3, y: 4 }).params).toMatchObject({ type: 'mouseMoved', button: 'none' });
  });

  it('turns the wheel at a point', () => {
    expect(wheelCommand({ x: 5, y: 6, deltaX: 0, deltaY: 120 })).toEqual({ type: 'mouseWheel', x: 5, y: 6, deltaX: 0, deltaY: 120 });
  });

  it('presses named keys by their names and Space as a space', () => {
    expect(keyCombination('Shift+Tab')).toBe('Shift+Tab');
    expect(keyCombination('Space')).toBe(' ');
  });
});

describe('portalKeyAction (keys on the focused portal view)', () => {
  const press = (key: string, modifiers: Partial<{ shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) =>
    portalKeyAction({ key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...modifiers });

  it('types characters, umlauts and Arabic letters as text', () => {
    expect(press('ä')).toEqual({ kind: 'type', text: 'ä' });
    expect(press('ش')).toEqual({ kind: 'type', text: 'ش' });
    expect(press('+')).toEqual({ kind: 'type', text: '+' });
  });

  it('forwards the keys a form needs, Tab in both directions', () => {
    expect(press('Tab')).toEqual({ kind: 'key', key: 'Tab' });
    expect(press('Tab', { shiftKey: true })).toEqual({ kind: 'key', key: 'Shift+Tab' });
    expect(press(' ')).toEqual({ kind: 'key', key: 'Space' });
    expect(press('Backspace')).toEqual({ kind: 'key', key: 'Backspace' });
    expect(press('ArrowDown')).toEqual({ kind: 'key', key: 'ArrowDown' });
  });

  it('leaves the portal with Escape, so keyboard users are never trapped', () => {
    expect(press('Escape')).toEqual({ kind: 'leave' });
  });

  it('keeps shortcuts and function keys for the kiosk', () => {
    expect(press('c', { ctrlKey: true })).toEqual({ kind: 'kiosk' });
    expect(press('F1')).toEqual({ kind: 'kiosk' });
    expect(press('F5')).toEqual({ kind: 'kiosk' });
  });
});

describe('loadFailureKind', () => {
  it('maps network error names to what the citizen is told', () => {
    expect(loadFailureKind('net::ERR_NAME_NOT_RESOLVED')).toBe('offline');
    expect(loadFailureKind('ERR_CONNECTION_REFUSED')).toBe('offline');
    expect(loadFailureKind('net::ERR_INTERNET_DISCONNECTED')).toBe('offline');
    expect(loadFailureKind('net::ERR_CERT_AUTHORITY_INVALID')).toBe('certificate');
    expect(loadFailureKind('net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH')).toBe('certificate');
    expect(loadFailureKind('ERR_DNS_TIMED_OUT')).toBe('offline');
    expect(loadFailureKind('ERR_CONNECTION_TIMED_OUT')).toBe('offline');
    expect(loadFailureKind('ERR_SSL_PROTOCOL_ERROR')).toBe('certificate');
    expect(loadFailureKind('net::ERR_INVALID_RESPONSE')).toBe('failed');
  });

  it('does not show an error for navigations the kiosk itself stopped', () => {
    expect(loadFailureKind('net::ERR_ABORTED')).toBeNull();
    expect(loadFailureKind('net::ERR_BLOCKED_BY_CLIENT')).toBeNull();
  });
});

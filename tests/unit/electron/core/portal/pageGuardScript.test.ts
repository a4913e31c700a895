import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { disabledBlinkFeatures, pageGuardScript } from '#core/portal/pageGuardScript';

/** A window-like global with the native functions the script replaces. */
function fakeWindow() {
  const nativePrint = vi.fn();
  const nativePicker = vi.fn(() => Promise.resolve([{ kind: 'file' }]));
  class DataTransferItem {
    getAsFileSystemHandle() {
      return Promise.resolve({ kind: 'file' });
    }
  }
  const navigateListeners: ((event: unknown) => void)[] = [];
  const navigation = {
    addEventListener: (type: string, listener: (event: unknown) => void) => {
      if (type === 'navigate') navigateListeners.push(listener);
    },
  };
  const window: Record<string, unknown> = {
    print: nativePrint,
    showOpenFilePicker: nativePicker,
    showSaveFilePicker: nativePicker,
    showDirectoryPicker: nativePicker,
  };
  const context = Object.assign(window, { window, top: window, navigation, DataTransferItem, DOMException, Promise, Object, URL });
  runInNewContext(pageGuardScript, context);
  /** Fires a navigate event to `url`; true when a listener cancelled it. */
  const navigate = (url: string): boolean => {
    let cancelled = false;
    const event = { destination: { url }, cancelable: true, preventDefault: () => (cancelled = true) };
    for (const listener of navigateListeners) listener(event);
    return cancelled;
  };
  return { window: context, nativePrint, nativePicker, DataTransferItem, navigate };
}

describe('pageGuardScript', () => {
  it('makes window.print() do nothing, for good', () => {
    const { window, nativePrint } = fakeWindow();
    (window.print as () => void)();
    expect(nativePrint).not.toHaveBeenCalled();
    expect(() => {
      'use strict';
      window.print = nativePrint;
    }).toThrow(TypeError);
    expect(window.print).not.toBe(nativePrint);
  });

  it.each(['showOpenFilePicker', 'showSaveFilePicker', 'showDirectoryPicker'])('answers %s as if the citizen had cancelled', async (name) => {
    const { window, nativePicker } = fakeWindow();
    await expect((window[name] as () => Promise<unknown>)()).rejects.toMatchObject({ name: 'AbortError' });
    expect(nativePicker).not.toHaveBeenCalled();
  });

  it('gives a dropped item no file system handle', async () => {
    const { DataTransferItem } = fakeWindow();
    await expect(new DataTransferItem().getAsFileSystemHandle()).resolves.toBeNull();
  });

  it.each([
    'mailto:buergerservice@example.de',
    'tel:+493641490',
    'web+kiosk:x',
    'file:///etc/passwd',
    'chrome://settings',
    'view-source:https://a.de/',
    'eid://x',
    'nonsense',
    'blob:https://portal.example.de/1',
  ])('cancels a navigation to %s (no program of the system is started)', (url) => {
    expect(fakeWindow().navigate(url)).toBe(true);
  });

  it.each(['https://portal.example.de/form', 'http://127.0.0.1:8123/', 'about:blank', 'data:text/html,x'])(
    'leaves a navigation to %s to the request gates',
    (url) => {
      expect(fakeWindow().navigate(url)).toBe(false);
    },
  );

  it('switches the pickers off in Blink as well', () => {
    expect(disabledBlinkFeatures).toContain('FileSystemAccessLocal');
  });
});

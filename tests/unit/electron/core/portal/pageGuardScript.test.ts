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
  const window: Record<string, unknown> = {
    print: nativePrint,
    showOpenFilePicker: nativePicker,
    showSaveFilePicker: nativePicker,
    showDirectoryPicker: nativePicker,
  };
  const context = Object.assign(window, { window, DataTransferItem, DOMException, Promise, Object });
  runInNewContext(pageGuardScript, context);
  return { window: context, nativePrint, nativePicker, DataTransferItem };
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

  it('switches the pickers off in Blink as well', () => {
    expect(disabledBlinkFeatures).toContain('FileSystemAccessLocal');
  });
});

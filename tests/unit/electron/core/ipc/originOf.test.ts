import { describe, expect, it } from 'vitest';
import { originOf } from '#core/ipc/originOf';

describe('originOf', () => {
  it('works for custom schemes, where URL.origin is "null"', () => {
    expect(new URL('kiosk://app/index.html').origin).toBe('null');
    expect(originOf('kiosk://app/index.html')).toBe('kiosk://app');
  });

  it('keeps the port and ignores path, query and user info', () => {
    expect(originOf('http://127.0.0.1:4711/a?b#c')).toBe('http://127.0.0.1:4711');
    expect(originOf('http://user:pw@127.0.0.1:4711/')).toBe('http://127.0.0.1:4711');
  });

  it('returns null for URLs without a host and for garbage', () => {
    expect(originOf('about:srcdoc')).toBeNull();
    expect(originOf('data:text/html,x')).toBeNull();
    expect(originOf('not a url')).toBeNull();
    expect(originOf('')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { isLocalHost, isLocalNetworkRefused } from '#core/portal/localNetworkPolicy';

const tile = { origins: ['https://portal.example.de', 'http://127.0.0.1:8123'] };

describe('isLocalNetworkRefused', () => {
  it.each([
    'http://127.0.0.1:24727/eID-Client?tcTokenURL=x',
    'eid://127.0.0.1/',
    'http://127.0.0.1:8124/',
    'http://localhost:8123/',
    'http://[::1]:8123/',
    'https://10.0.0.5/admin',
    'https://172.20.1.1/',
    'http://192.168.178.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://0.0.0.0:8123/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://[fd12:3456::1]/',
    'http://[fe80::1]/',
    'http://[::ffff:192.168.0.1]/',
    'ws://127.0.0.1:9222/devtools/browser',
    'wss://192.168.1.10/socket',
    'http://drucker.local/',
    'http://router.home.arpa/',
    'http://app.localhost/',
  ])('refuses %s', (url) => {
    expect(isLocalNetworkRefused(url, tile)).toBe(true);
  });

  it.each([
    'https://portal.example.de/start',
    'https://cdn.example.net/app.js',
    'http://127.0.0.1:8123/form',
    'ws://127.0.0.1:8123/live',
    'https://8.8.8.8/',
    'https://172.32.0.1/',
    'https://[2001:db8::1]/',
    'data:text/plain,x',
    'blob:https://portal.example.de/0c1d',
    'not a url',
  ])('lets through %s', (url) => {
    expect(isLocalNetworkRefused(url, tile)).toBe(false);
  });
});

describe('isLocalHost', () => {
  it('judges the names and literals URL parsing produces', () => {
    expect(isLocalHost(new URL('http://LOCALHOST./').hostname)).toBe(true);
    expect(isLocalHost(new URL('http://100.64.0.1/').hostname)).toBe(true);
    expect(isLocalHost(new URL('http://100.128.0.1/').hostname)).toBe(false);
    expect(isLocalHost(new URL('http://www.jena.de/').hostname)).toBe(false);
  });
});

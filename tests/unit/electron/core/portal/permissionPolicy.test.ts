import { describe, expect, it } from 'vitest';
import { decidePermission, decidePermissionCheck, grantedPermissions } from '#core/portal/permissionPolicy';
import type { PortalPermission } from '#shared/config/portalConfig';

const origins = ['https://portal.example.de', 'https://id.bund.de'];
const none = { origins, permissions: [] as PortalPermission[] };
const camera = { origins, permissions: ['camera'] as PortalPermission[] };
const both = { origins, permissions: ['camera', 'microphone'] as PortalPermission[] };
const fromPortal = { origin: 'https://portal.example.de/foto' };

describe('decidePermission', () => {
  it.each([
    'camera',
    'microphone',
    'notifications',
    'geolocation',
    'clipboard-read',
    'clipboard-sanitized-write',
    'fullscreen',
    'midi',
    'fileSystem',
    'pointerLock',
    'openExternal',
    'unknown',
  ])('denies %s by default', (permission) => {
    expect(decidePermission(permission, none, fromPortal)).toBe(false);
    expect(decidePermissionCheck(permission, none, fromPortal)).toBe(false);
  });

  it('grants a configured permission to an allowed origin', () => {
    expect(decidePermission('camera', camera, fromPortal)).toBe(true);
    expect(decidePermission('camera', camera, { origin: 'https://id.bund.de' })).toBe(true);
  });

  it('denies a configured permission to a foreign or look-alike origin', () => {
    expect(decidePermission('camera', camera, { origin: 'https://evil.test/' })).toBe(false);
    expect(decidePermission('camera', camera, { origin: 'https://portal.example.de.evil.test' })).toBe(false);
    expect(decidePermission('camera', camera, { origin: 'about:blank' })).toBe(false);
    expect(decidePermission('camera', camera, { origin: 'null' })).toBe(false);
  });

  it('denies what the tile does not name, even when it names something else', () => {
    expect(decidePermission('microphone', camera, fromPortal)).toBe(false);
    expect(decidePermission('notifications', both, fromPortal)).toBe(false);
    expect(decidePermission('geolocation', both, fromPortal)).toBe(false);
  });

  it('ignores permissions in a tile that are not in the fixed list', () => {
    const tampered = { origins, permissions: ['geolocation'] as unknown as PortalPermission[] };
    expect(decidePermission('geolocation', tampered, fromPortal)).toBe(false);
    expect(grantedPermissions(tampered)).toEqual([]);
  });

  it("maps Electron's 'media' requests to camera and microphone", () => {
    expect(decidePermission('media', camera, { ...fromPortal, mediaTypes: ['video'] })).toBe(true);
    expect(decidePermission('media', camera, { ...fromPortal, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(decidePermission('media', both, { ...fromPortal, mediaTypes: ['video', 'audio'] })).toBe(true);
    expect(decidePermission('media', both, { ...fromPortal, mediaTypes: [] })).toBe(false);
    expect(decidePermission('media', both, fromPortal)).toBe(false);
    expect(decidePermission('media', both, { ...fromPortal, mediaTypes: ['screen'] })).toBe(false);
    expect(decidePermission('media', both, { ...fromPortal, mediaTypes: ['constructor'] })).toBe(false);
  });
});

describe('decidePermissionCheck', () => {
  it('answers checks by the same rules', () => {
    expect(decidePermissionCheck('camera', camera, { origin: 'https://portal.example.de' })).toBe(true);
    expect(decidePermissionCheck('media', camera, { origin: 'https://portal.example.de', mediaType: 'video' })).toBe(true);
    expect(decidePermissionCheck('media', camera, { origin: 'https://portal.example.de', mediaType: 'audio' })).toBe(false);
    expect(decidePermissionCheck('media', both, { origin: 'https://portal.example.de', mediaType: 'unknown' })).toBe(false);
    expect(decidePermissionCheck('media', both, { origin: 'https://portal.example.de' })).toBe(false);
    expect(decidePermissionCheck('camera', camera, { origin: 'https://evil.test' })).toBe(false);
  });
});

describe('grantedPermissions', () => {
  it('lists what a host grants up front, none by default', () => {
    expect(grantedPermissions({ permissions: [] })).toEqual([]);
    expect(grantedPermissions({ permissions: ['microphone', 'camera'] })).toEqual(['camera', 'microphone']);
  });
});

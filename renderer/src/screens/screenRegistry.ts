import type { TerminalRole } from '#shared/config/kioskConfig';
import type { SessionState } from '#shared/session/sessionState';

/**
 * Every screen and overlay of the kiosk, with the roles and session states it appears in.
 * Each rendered screen carries `data-screen="<id>"`; the end-to-end and accessibility tests
 * generate their matrix from this list, so a new screen is added here first.
 */
export const screens = {
  attract: { roles: ['info', 'workstation'], states: ['attract'] },
  'home-info': { roles: ['info'], states: ['active', 'idle-warning'] },
  'home-workstation': { roles: ['workstation'], states: ['active', 'idle-warning'] },
  portal: { roles: ['workstation'], states: ['active', 'idle-warning'] },
  'portal-blocked': { roles: ['workstation'], states: ['active', 'idle-warning'] },
  'portal-error': { roles: ['workstation'], states: ['active', 'idle-warning'] },
  'portal-dialog': { roles: ['workstation'], states: ['active'] },
  'portal-files': { roles: ['workstation'], states: ['active'] },
  'portal-help': { roles: ['workstation'], states: ['active'] },
  'info-topic': { roles: ['info'], states: ['active', 'idle-warning'] },
  'info-search': { roles: ['info'], states: ['active', 'idle-warning'] },
  'info-service': { roles: ['info'], states: ['active', 'idle-warning'] },
  'info-wayfinding': { roles: ['info'], states: ['active', 'idle-warning'] },
  'info-queue': { roles: ['info'], states: ['active', 'idle-warning'] },
  'info-ticket': { roles: ['info'], states: ['active', 'idle-warning'] },
  'idle-warning': { roles: ['info', 'workstation'], states: ['idle-warning'] },
  'end-of-session': { roles: ['info', 'workstation'], states: ['attract'] },
  'language-menu': { roles: ['info', 'workstation'], states: ['active'] },
  accessibility: { roles: ['info', 'workstation'], states: ['attract', 'active', 'idle-warning'] },
  'key-help': { roles: ['info', 'workstation'], states: ['attract', 'active'] },
  /** What the terminal keeps of a citizen (nothing), from the help bar over any screen (screens/privacy/). */
  privacy: { roles: ['info', 'workstation'], states: ['attract', 'active', 'idle-warning'] },
  /** "Call a staff member?" after the help button (help/HelpConfirmDialog.tsx). */
  'help-confirm': { roles: ['info', 'workstation'], states: ['attract', 'active', 'idle-warning'] },
  /** The open call's state beside the help button, on every screen while the call is open. */
  'help-status': { roles: ['info', 'workstation'], states: ['attract', 'active', 'idle-warning'] },
  /** Instead of every other screen while staff have put the terminal out of order. */
  'out-of-order': { roles: ['info', 'workstation'], states: ['attract', 'active', 'idle-warning', 'resetting'] },
  /** Staff: the PIN pad behind the hidden gesture (staff/StaffPinPad.tsx). */
  'staff-pin': { roles: ['info', 'workstation'], states: ['attract', 'active', 'idle-warning'], staff: true },
  /** Staff: assist mode, over whatever the citizen's screen shows (device status is part of it). */
  assist: { roles: ['info', 'workstation'], states: ['attract', 'active', 'idle-warning'], staff: true },
  /** Staff: "really quit to the operating system?" in assist mode. */
  'assist-confirm': { roles: ['info', 'workstation'], states: ['attract', 'active', 'idle-warning'], staff: true },
} as const satisfies Record<string, { roles: readonly TerminalRole[]; states: readonly SessionState[]; staff?: true }>;

/** Staff screens are in German or English whatever the citizen's language (renderer/src/staff/locales). */
export function isStaffScreen(id: ScreenId): boolean {
  return 'staff' in screens[id];
}

export type ScreenId = keyof typeof screens;

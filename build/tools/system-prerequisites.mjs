// Checks the system packages the kiosk and its test suite need. On Debian/Ubuntu as root it installs what is
// missing; otherwise it stops with one line naming the exact install command.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian package → how to tell it is there. */
const prerequisites = [
  { pkg: 'chromium', present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
  { pkg: 'socat', present: () => onPath('socat') },
  // The desktop tests: a real X server, a window manager, keys and pictures through the X server.
  { pkg: 'xvfb', present: () => onPath('Xvfb') },
  { pkg: 'openbox', present: () => onPath('openbox') },
  { pkg: 'xdotool', present: () => onPath('xdotool') },
  { pkg: 'x11-utils', present: () => onPath('xwininfo') && onPath('xprop') },
  { pkg: 'x11-apps', present: () => onPath('xwd') },
  // systemd-analyze verify checks the kiosk's systemd unit (tests/unit/build/deploy/systemdUnits.test.ts).
  { pkg: 'systemd', present: () => onPath('systemd-analyze') },
];

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** What the kiosk itself needs to run on the Chromium host (npm start where Electron's binary cannot be had). */
export const runtimePackages = ['chromium'];

/**
 * Returns true when everything is there (after installing it where allowed). `only`: the Debian
 * packages to check (default: everything the tests need).
 */
export function ensureSystemPrerequisites(only = prerequisites.map((p) => p.pkg)) {
  const wanted = prerequisites.filter((p) => only.includes(p.pkg));
  const missing = wanted.filter((p) => !p.present()).map((p) => p.pkg);
  if (missing.length === 0) return true;
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) {
    console.error(`Missing system packages (${missing.join(', ')}): install them with \`sudo apt-get update && sudo ${command}\` and run the tests again.`);
    return false;
  }
  console.log(`Installing missing system packages: ${missing.join(' ')} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('sh', ['-c', `${command} -qq`], { stdio: 'inherit', env }) : update;
  const stillMissing = wanted.filter((p) => !p.present()).map((p) => p.pkg);
  if (install.status !== 0 || stillMissing.length > 0) {
    console.error(`Could not install ${stillMissing.join(', ')}: run \`${command}\` by hand.`);
    return false;
  }
  return true;
}

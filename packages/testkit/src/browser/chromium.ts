import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where Debian's chromium package puts the browser and its wrapper script. */
// The binary first: the wrapper prints a harmless `[: unexpected operator` here (FACTS.md).
const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
const APT_TIMEOUT_MS = 10 * 60_000;

export type ChromiumSetup = { ready: true; executablePath: string } | { ready: false; reason: string };

/**
 * Debian's Chromium for browser tests (`npx playwright install` cannot download browsers here): the installed one,
 * or one installed now with apt-get (CI runs as root on a machine with only Node and npm). Only a machine without
 * apt-get is told to skip, with the reason; an apt-get that is there but fails is an error, so a broken setup never
 * passes quietly as a skip.
 */
export function ensureChromium(): ChromiumSetup {
  const installed = () => CHROMIUM_PATHS.find((path) => existsSync(path));
  const found = installed();
  if (found) return { ready: true, executablePath: found };
  if (!onPath('apt-get')) {
    return { ready: false, reason: 'chromium is not installed and apt-get is not available to install it' };
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      'chromium is not installed: run `apt-get install -y chromium` as root (the test installs it only as root)',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args: string[]) =>
    spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', '-y', '-q', ...args], {
      env,
      encoding: 'utf8',
      timeout: APT_TIMEOUT_MS,
    });
  let install = apt('install', 'chromium');
  if (install.status !== 0) {
    // A fresh machine has no package lists yet: "Unable to locate package chromium".
    const update = apt('update');
    if (update.status !== 0) throw new Error(`apt-get update failed: ${tail(update)}`);
    install = apt('install', 'chromium');
  }
  const path = installed();
  if (install.status !== 0 || !path) throw new Error(`apt-get install -y chromium failed: ${tail(install)}`);
  return { ready: true, executablePath: path };
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

function tail(result: ReturnType<typeof spawnSync>): string {
  const text = `${String(result.stdout ?? '')}\n${String(result.stderr ?? '')}`.trim();
  return result.error ? result.error.message : text.split('\n').slice(-5).join(' | ');
}

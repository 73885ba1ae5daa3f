import { existsSync } from 'node:fs';

/**
 * The system Chromium the browser tests drive with playwright-core (Debian's `chromium`, which
 * scripts/setup.sh installs when missing); `CHROMIUM_PATH` overrides. Throws when there is none,
 * so a machine without it fails the test instead of skipping it.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => p !== undefined && p !== '');
  const found = candidates.find((p) => existsSync(p));
  if (found === undefined) throw new Error(`no Chromium found (tried ${candidates.join(', ')}); run bash scripts/setup.sh or set CHROMIUM_PATH`);
  return found;
}

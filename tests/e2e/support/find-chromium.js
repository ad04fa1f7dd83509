import { existsSync } from 'node:fs';

/** The path of a Chromium to drive, or undefined when none is installed. */
export function findChromium() {
  const candidates = [
    process.env.FIREDRILL_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ];
  return candidates.find((path) => path !== undefined && path !== '' && existsSync(path));
}

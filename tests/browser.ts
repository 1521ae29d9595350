/**
 * Debian's chromium through playwright-core, as every browser test launches it. `.ci/run` installs
 * chromium; a missing browser makes the tests fail (launch throws), never skip.
 */
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // As root in a sandboxed machine without network: no sandbox, no GPU, no background traffic.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

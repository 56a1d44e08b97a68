// Debian's Chromium driven by playwright-core. The browser runs as a Playwright browser
// server so that its process group is known and can be ended by pid.
import { chromium } from 'playwright-core';
import { track } from './processes.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium; returns the connected browser and a close() that ends it. */
export async function launchBrowser() {
  const server = await chromium.launchServer({
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const pid = server.process().pid;
  track('chromium', pid);
  const browser = await chromium.connect(server.wsEndpoint());
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => {});
      await server.close().catch(() => {});
    },
  };
}

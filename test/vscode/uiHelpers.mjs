// Steps a person takes in the VS Code workbench, shared by the UI tests: Quick Open, the
// command palette, quick picks, editor lines, screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './codeServer.mjs';

export const STEP_TIMEOUT = 30_000;
// Screenshots go to test-results/ on every run; `UPDATE_SCREENSHOTS=1` writes the copies the
// README and the walkthrough show instead, so a plain test run leaves the checkout unchanged.
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const SCRATCH = join(REPO, 'test-results/screenshots');

/** The text of an editor line as shown (Monaco renders spaces as no-break spaces). */
export const shown = (text) => text.replace(/\u00a0/g, ' ');

/**
 * Opens a file by typing its name into Quick Open. The title bar's search box opens it
 * whatever has the focus (a walkthrough page keeps Ctrl+P to itself); Ctrl+P otherwise.
 */
export async function quickOpen(page, fileName) {
  const input = page.locator('.quick-input-widget input');
  const box = page.locator('.command-center .command-center-center');
  if (await box.isVisible().catch(() => false)) await box.click();
  else await page.keyboard.press('Control+P');
  await input.waitFor({ timeout: STEP_TIMEOUT });
  await input.fill(fileName);
  const row = quickPickRow(page, fileName);
  await row.waitFor({ timeout: STEP_TIMEOUT });
  await row.click();
  await page.locator('.tab.active', { hasText: fileName }).waitFor({ timeout: STEP_TIMEOUT });
}

/** A row of the open quick pick (command palette, Quick Open, a command's own pick). */
export const quickPickRow = (page, text) =>
  page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();

/** Types `filter` into the open quick pick and accepts the row that shows `row`. */
export async function pick(page, filter, row = filter) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: STEP_TIMEOUT });
  await input.fill(filter);
  await quickPickRow(page, row).waitFor({ timeout: STEP_TIMEOUT });
  await quickPickRow(page, row).click();
}

/** Runs a command from the command palette (F1) by its title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await pick(page, `>${title}`, title);
}

/** The rendered editor line that contains `text`. */
export const editorLine = (page, text) => page.locator('.editor-group-container.active .view-lines .view-line', { hasText: text }).first();

/**
 * Saves a screenshot of the page (or of `clip`) as `name`: in test-results/screenshots, or with
 * UPDATE_SCREENSHOTS=1 in `folder` (docs/screenshots or media/walkthrough).
 */
export async function screenshot(page, name, { folder = 'docs/screenshots', clip } = {}) {
  const dir = UPDATE ? join(REPO, folder) : SCRATCH;
  mkdirSync(dir, { recursive: true });
  const file = UPDATE ? name : `${folder.split('/').pop()}-${name}`;
  await page.screenshot({ path: join(dir, file), ...(clip ? { clip } : {}) });
}

/** A `width` × `height` clip around `box`, kept inside the page's viewport. */
export function clipAround(page, box, width = 900, height = 540) {
  const viewport = page.viewportSize();
  const clamp = (v, size, max) => Math.max(0, Math.min(v, max - size));
  return {
    x: clamp(box.x + box.width / 2 - width / 2, width, viewport.width),
    y: clamp(box.y + box.height / 2 - height / 2, height, viewport.height),
    width: Math.min(width, viewport.width),
    height: Math.min(height, viewport.height),
  };
}

/** Closes every notification toast, so that none covers the next step or a screenshot. */
export async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications').catch(() => page.keyboard.press('Escape'));
}

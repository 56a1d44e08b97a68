// UI tests of what the extension adds to the workbench, driven as a person would: the
// walkthrough's first two steps (from the status bar menu), Run Task with the problem
// matcher, and the timeline. Their screenshots are the walkthrough's pictures.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './codeServer.mjs';
import { clipAround, editorLine, pick, quickOpen, quickPickRow, runCommand, screenshot, shown, STEP_TIMEOUT } from './uiHelpers.mjs';

const WALKTHROUGH = 'media/walkthrough';

const statusItem = (page) => page.locator('.statusbar-item', { hasText: /Grounded Notes: \d+ errors/ });

/** The walkthrough, opened as a new user finds it: status bar item → menu → Get Started. */
async function openWalkthrough(page) {
  await statusItem(page).click();
  await quickPickRow(page, 'Get Started').waitFor({ timeout: STEP_TIMEOUT });
  await quickPickRow(page, 'Get Started').click();
  await page.locator('.gettingStartedContainer', { hasText: 'Get Started with Grounded Notes' }).waitFor({ timeout: STEP_TIMEOUT });
}

/** Expands a walkthrough step by clicking its title, as a reader does. */
async function openStep(page, title) {
  const step = page.locator('.getting-started-step', { hasText: title }).first();
  await step.locator('.step-title', { hasText: title }).click();
  return step;
}

/** Every file under `dir`, relative, sorted. */
const filesUnder = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

async function waitUntil(what, test, timeoutMs = STEP_TIMEOUT) {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The webview frame that shows the timeline page, once it is laid out for its width. */
async function timelineFrame(page) {
  const deadline = Date.now() + STEP_TIMEOUT;
  for (;;) {
    for (const frame of page.frames()) {
      if (
        (await frame
          .locator('body[data-fitted="true"] section[data-source]')
          .count()
          .catch(() => 0)) > 0
      )
        return frame;
    }
    if (Date.now() > deadline) throw new Error('the timeline page did not appear');
    await page.waitForTimeout(300);
  }
}

/** Pairs of label boxes that intersect, as rendered. */
async function intersectingLabels(frame) {
  const boxes = await frame.locator('svg text').evaluateAll((texts) =>
    texts.map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );
  const pairs = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) pairs.push(`"${a.text}" × "${b.text}"`);
    }
  }
  return { count: boxes.length, pairs };
}

export const workbenchTests = [
  {
    title: "the walkthrough's first step writes the example workspace into the folder picked in the dialog",
    async run(page, { folder }) {
      const parent = join(folder, '..', '..', 'picked');
      mkdirSync(parent, { recursive: true });
      await openWalkthrough(page);
      await openStep(page, 'Open or create a sources folder');
      await page.getByRole('button', { name: 'Create Example Workspace', exact: true }).click();
      // VS Code's own folder dialog (a quick input in the browser): type the folder, press its button.
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: STEP_TIMEOUT });
      // The dialog writes its starting folder into the box when it has read it: on a slow
      // machine after the test typed. Typed again until the box holds what was typed.
      for (let tries = 0; ; tries++) {
        await input.fill(`${parent}/`);
        await page.waitForTimeout(500);
        if ((await input.inputValue()) === `${parent}/` || tries === 10) break;
      }
      await page.locator('.quick-input-widget .monaco-button', { hasText: 'Create Example Here' }).click();
      const written = join(parent, 'briefings');
      await waitUntil(`the example in ${written}`, () => existsSync(join(written, 'notes/december-summit.md')));
      await page.locator('.notification-toast', { hasText: 'the example workspace is in' }).waitFor({ timeout: STEP_TIMEOUT });
      await waitUntil(
        'every file of the example',
        () => filesUnder(written).length === filesUnder(join(REPO, 'examples/briefings')).length,
      );
      assert.deepEqual(filesUnder(written), filesUnder(join(REPO, 'examples/briefings')));
      await page.keyboard.press('Escape');
      // The step's picture: the same example as this window shows it.
      await page.keyboard.press('Control+Shift+E');
      await page
        .locator('.explorer-viewlet .monaco-list-row', { hasText: /^sources$/ })
        .first()
        .click();
      await page
        .locator('.explorer-viewlet .monaco-list-row', { hasText: '002_a3f28121737e2d7d.anchors.yaml' })
        .first()
        .waitFor({ timeout: STEP_TIMEOUT });
      await quickOpen(page, 'december-summit.md');
      await screenshot(page, 'sources.png', { folder: WALKTHROUGH, clip: { x: 0, y: 0, width: 900, height: 540 } });
    },
  },
  {
    title: "the walkthrough's second step inserts the citation picked in Insert Citation's quick picks",
    async run(page) {
      await quickOpen(page, 'december-summit.md');
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\nCited: ');
      await page.locator('.tab', { hasText: 'Walkthrough' }).click();
      await openStep(page, 'Cite a passage with Insert Citation');
      await page.getByRole('button', { name: 'Insert Citation', exact: true }).click();
      await pick(page, '002', 'The Legal System');
      await pick(page, 'kirby', 'kirby-briefing');
      // The quick pick closes and the citation lands where the cursor was in the note.
      const line = editorLine(page, 'Cited:');
      await line.waitFor({ timeout: STEP_TIMEOUT });
      // The line is there before the pick (typed above): the edit lands a moment after the pick closes.
      let text = '';
      for (let waited = 0; waited < STEP_TIMEOUT; waited += 100) {
        text = shown(await line.innerText()).trim();
        if (text.includes('[[')) break;
        await page.waitForTimeout(100);
      }
      assert.equal(text, 'Cited: [[002#kirby-briefing]]');
      await runCommand(page, 'File: Revert File');
    },
  },
  {
    title: "Insert Citation's anchor pick previews each passage (the walkthrough's picture)",
    async run(page) {
      await quickOpen(page, 'december-summit.md');
      await runCommand(page, 'Grounded Notes: Insert Citation');
      await pick(page, '002', 'The Legal System');
      await quickPickRow(page, 'macron-no-compromise').waitFor({ timeout: STEP_TIMEOUT });
      const box = await page.locator('.quick-input-widget').boundingBox();
      await screenshot(page, 'insert-citation.png', { folder: WALKTHROUGH, clip: clipAround(page, { ...box, y: 0, height: 540 }) });
      await page.keyboard.press('Escape');
    },
  },
  {
    title: 'Run Task → Grounded Notes: check fills the Problems panel through the $grounded-notes problem matcher',
    async run(page) {
      await runCommand(page, 'Tasks: Run Task');
      await pick(page, 'grounded-notes', 'grounded-notes');
      await pick(page, 'check', 'Grounded Notes: check');
      // The task's terminal takes the panel; the Problems view is one command away.
      await page
        .locator('.terminal-wrapper, .xterm', { hasText: /exit code: 1/ })
        .first()
        .waitFor({ timeout: 60_000 })
        .catch(() => {});
      await runCommand(page, 'View: Focus Problems');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.filter({ hasText: 'grounded-notes check' }).first().waitFor({ timeout: 60_000 });
      const texts = (await rows.allInnerTexts()).map(shown);
      const fromTask = texts.filter((t) => t.includes('grounded-notes check'));
      for (const [code, words] of [
        ['GN001', 'Unknown source `001`'],
        ['GN002', 'kirby-brifing'],
        ['GN004', 'Malformed citation'],
      ]) {
        assert.ok(
          fromTask.some((t) => t.includes(code) && t.includes(words)),
          `no ${code} "${words}" from the task in the Problems panel:\n${texts.join('\n')}`,
        );
      }
      await runCommand(page, 'View: Toggle Panel Visibility');
    },
  },
  {
    title: 'the status bar menu opens the timeline: no two labels intersect, and a mark opens its line in the source',
    async run(page) {
      await quickOpen(page, 'december-summit.md');
      await statusItem(page).click();
      await quickPickRow(page, 'Show Source Timeline').waitFor({ timeout: STEP_TIMEOUT });
      const menu = shown((await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).join('\n'));
      for (const entry of ['Check Workspace', 'Show Source Timeline', 'Insert Citation', 'Open Settings', 'Get Started'])
        assert.ok(menu.includes(entry), `${entry} is not in the menu:\n${menu}`);
      await quickPickRow(page, 'Show Source Timeline').click();
      const frame = await timelineFrame(page);
      await frame.locator('g.mark.citation').first().waitFor({ timeout: STEP_TIMEOUT });
      const { count, pairs } = await intersectingLabels(frame);
      assert.ok(count > 20, `only ${count} labels`);
      assert.deepEqual(pairs, [], 'label boxes intersect');
      const view = await page
        .locator('.editor-group-container', { has: page.locator('.tab.active', { hasText: 'Source Timeline' }) })
        .boundingBox();
      await screenshot(page, 'timeline.png', {
        folder: WALKTHROUGH,
        clip: { x: view.x, y: view.y, width: Math.min(view.width, 900), height: 540 },
      });
      // The flagged "Wednesday, October 8" of source 000 is on its line 29.
      // (The example's PDF report, made from source 000, says it too: pick source 000's section.)
      await frame
        .locator('section', { has: frame.locator('h2', { hasText: /^Source 000/ }) })
        .locator('g.mark.flagged text', { hasText: 'Wednesday, October 8' })
        .click();
      await page.locator('.tab.active', { hasText: '000_73692c68c32165cb.txt' }).waitFor({ timeout: STEP_TIMEOUT });
      await page.locator('.statusbar-item', { hasText: /Ln 29, Col/ }).waitFor({ timeout: STEP_TIMEOUT });
    },
  },
];

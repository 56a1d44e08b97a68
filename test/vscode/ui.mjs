// UI tests: Playwright drives the VS Code workbench as a person would (Quick Open, mouse
// hover, the Problems panel, the quick-fix menu) and saves a screenshot of each for the README.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, workbenchUrl } from './codeServer.mjs';
import { clipAround, editorLine, quickOpen, screenshot, shown, STEP_TIMEOUT } from './uiHelpers.mjs';
import { workbenchTests } from './uiWorkbench.mjs';

const FAILURES = join(REPO, 'test-results/vscode'); // git-ignored

/** Loads the workbench on `folder` and waits until the language server has checked it. */
async function openWorkbench(page, server, folder) {
  await page.goto(workbenchUrl(server, { folder }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  // The extension activates on the first Markdown file; until then nothing is checked.
  await quickOpen(page, 'december-summit.md');
  await page.locator('.statusbar-item', { hasText: /Grounded Notes: \d+ errors/ }).waitFor({ timeout: 90_000 });
}

const coreTests = [
  {
    title: 'hovering [[002#kirby-briefing]] shows the Kirby passage',
    async run(page) {
      await quickOpen(page, 'december-summit.md');
      const line = editorLine(page, 'Kirby walked');
      await line.waitFor({ timeout: STEP_TIMEOUT });
      const target = line.locator('span', { hasText: /^kirby-briefing$/ }).last();
      // The hover fills in as providers answer: wait for the passage itself. The editor
      // shows a hover after the mouse rests on a word; if it does not, move away and back.
      const hover = page.locator('.monaco-editor .monaco-hover', { hasText: /John Kirby clarified Biden.s comments/ });
      for (let attempt = 1; ; attempt++) {
        await page.mouse.move(5, 5);
        await target.hover();
        try {
          await hover.waitFor({ timeout: STEP_TIMEOUT / 3 });
          break;
        } catch (e) {
          if (attempt === 3) throw e;
        }
      }
      assert.match(shown(await hover.innerText()), /Source 002/);
      await screenshot(page, 'hover.png');
      await screenshot(page, 'hover.png', { folder: 'media/walkthrough', clip: clipAround(page, await hover.boundingBox()) });
      await page.keyboard.press('Escape');
    },
  },
  {
    title: 'the Problems panel lists the broken citations',
    async run(page) {
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.filter({ hasText: 'GN002' }).first().waitFor({ timeout: STEP_TIMEOUT });
      const text = shown((await rows.allInnerTexts()).join('\n'));
      for (const expected of ['broken-citations.md', 'GN001', 'GN002', 'Unknown source'])
        assert.ok(text.includes(expected), `${expected} is not in the Problems panel:\n${text}`);
      await screenshot(page, 'problems.png');
      const panel = await page.locator('.part.panel').boundingBox();
      await screenshot(page, 'problems.png', {
        folder: 'media/walkthrough',
        clip: {
          x: panel.x,
          y: Math.max(0, panel.y + panel.height - 540),
          width: Math.min(panel.width, 900),
          height: Math.min(panel.y + panel.height, 540),
        },
      });
      await page.keyboard.press('Control+Shift+M'); // closes the panel again
    },
  },
  {
    title: 'the quick fix for a wrong weekday (GN020) corrects the date line',
    async run(page) {
      await quickOpen(page, 'dates.md');
      const line = editorLine(page, '(GN020 and GN021)');
      await line.waitFor({ timeout: STEP_TIMEOUT });
      // Put the cursor on "Wednesday, December 2" (line 15, column 48) and ask for fixes.
      await page.keyboard.press('Control+G');
      await page.keyboard.type('15:48');
      await page.keyboard.press('Enter');
      await page.locator('.editor-group-container.active .squiggly-warning').first().waitFor({ timeout: STEP_TIMEOUT });
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Change the weekday to Thursday' });
      // Right after a file opens the server may not have checked it yet and VS Code
      // says "No code actions available"; a person would press Ctrl+. again.
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+.');
        try {
          await fix.waitFor({ timeout: 5000 });
          break;
        } catch (e) {
          if (attempt === 3) throw e;
          await page.keyboard.press('Escape');
          await page.waitForTimeout(1000);
        }
      }
      await screenshot(page, 'date-quick-fix.png');
      // The menu is keyboard-driven (a pointer block covers it): move to the fix, then Enter.
      for (let i = 0; i < 10 && !(await fix.getAttribute('class')).includes('focused'); i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await editorLine(page, 'briefed on Thursday, December 2').waitFor({ timeout: STEP_TIMEOUT });
      assert.match(shown(await editorLine(page, '(GN020 and GN021)').innerText()), /The allies were briefed on Thursday, December 2,/);
    },
  },
  {
    title:
      'the hover over a PDF citation opens the PDF at its page, the passage highlighted, and an anchor is made from the viewer’s selection',
    async run(page) {
      await quickOpen(page, 'pdf-and-web-sources.md');
      // The editor wraps the long line: the citation stands on a view line of its own.
      const line = editorLine(page, 'consultations-expert-level');
      await line.waitFor({ timeout: STEP_TIMEOUT });
      const target = line.locator('span', { hasText: /consultations-expert-level/ }).last();
      const hover = page.locator('.monaco-editor .monaco-hover', { hasText: /Open PDF at page 2/ });
      for (let attempt = 1; ; attempt++) {
        await page.mouse.move(5, 5);
        await target.hover();
        try {
          await hover.waitFor({ timeout: STEP_TIMEOUT / 3 });
          break;
        } catch (e) {
          if (attempt === 3) throw e;
        }
      }
      assert.match(shown(await hover.innerText()), /Source report[\s\S]*page 2, paragraph \d+/);
      const logs = [];
      page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
      await hover.locator('a', { hasText: 'Open PDF at page 2' }).click();
      // The viewer is a webview: its page is an iframe inside an iframe.
      const viewer = async () => {
        for (const frame of page.frames())
          if (
            await frame
              .locator('#viewerContainer')
              .count()
              .catch(() => 0)
          )
            return frame;
        return undefined;
      };
      let frame;
      for (let i = 0; i < 60 && !(frame = await viewer()); i++) await page.waitForTimeout(500);
      assert.ok(frame, 'the PDF viewer opened');
      const highlight = frame.locator('.page[data-page-number="2"] .textLayer .highlight');
      await highlight
        .first()
        .waitFor({ timeout: STEP_TIMEOUT })
        .catch(async (e) =>
          assert.fail(
            `viewer status: ${await frame.locator('#status').innerText()}; console: ${logs.join(' | ')} — ${e.message.split('\n')[0]}`,
          ),
        );
      assert.match(await frame.locator('#status').innerText(), /Page 2 of 3/);
      await screenshot(page, 'pdf-viewer.png');
      // Select the words of one text-layer span on page 1 and make an anchor of them.
      const words = frame.locator('.page[data-page-number="1"] .textLayer span', { hasText: /^Other issues on the agenda may have$/ });
      await words.first().waitFor({ timeout: STEP_TIMEOUT });
      await words.first().evaluate((span) => window.getSelection().selectAllChildren(span));
      await frame.locator('#anchor').click();
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await input.inputValue(), 'other-issues-on-the');
      await page.keyboard.press('Enter');
      // The anchor is written (as an undoable edit) and its citation copied, as the message says.
      await page
        .locator('.notification-toast', { hasText: 'anchor created; [[report#other-issues-on-the]] is on the clipboard' })
        .waitFor({ timeout: STEP_TIMEOUT });
      // Leave the workbench as the next tests expect it: the viewer closed, no message open.
      await page.keyboard.press('Escape');
      await page.locator('.tab', { hasText: 'report_summit-2021.pdf' }).locator('.codicon-close').click();
    },
  },
];

// Last: opening a source reveals its folder in the explorer, which the walkthrough's steps click open.
const lensTests = [
  {
    title: 'clicking “N citations” over an anchor key opens the references to it',
    async run(page) {
      await quickOpen(page, '002_a3f28121737e2d7d.anchors.yaml');
      await editorLine(page, 'kirby-briefing:').waitFor({ timeout: STEP_TIMEOUT });
      const lens = page.locator('.editor-group-container.active .codelens-decoration a', { hasText: /^\d+ citations?$/ }).first();
      await lens.waitFor({ timeout: STEP_TIMEOUT });
      const title = shown(await lens.innerText());
      await lens.click();
      // The references peek lists every citing note, and the key itself (the declaration).
      const peek = page.locator('.editor-group-container.active .peekview-widget');
      await peek.locator('.monaco-list-row', { hasText: 'december-summit.md' }).first().waitFor({ timeout: STEP_TIMEOUT });
      const count = Number(title.split(' ')[0]);
      const header = shown(await peek.locator('.peekview-title').innerText());
      assert.match(header, new RegExp(`References \\(${count + 1}\\)`), `the lens says ${title}; the peek says: ${header}`);
      await page.keyboard.press('Escape');
    },
  },
];

// UI_ONLY=<regular expression> runs only the tests whose titles match (while working on one).
const only = process.env.UI_ONLY ? new RegExp(process.env.UI_ONLY) : undefined;

const uiTests = [...coreTests, ...workbenchTests, ...lensTests].filter((t) => !only || only.test(t.title));

/** An error without Playwright's call log, which repeats the same retry lines. */
const brief = (e) => String(e.stack ?? e).replace(/\nCall log:[\s\S]*?(?=\n\s+at )/, '');

/** Saves what the page showed when a test failed; returns the file's path. */
async function failureScreenshot(page, name) {
  mkdirSync(FAILURES, { recursive: true });
  const path = join(FAILURES, `${name}-failure.png`);
  await page.screenshot({ path }).catch(() => {});
  return path;
}

/** Runs every UI test in one workbench window on `folder`; reports each through `record`. */
export async function runUiTests({ browser, server, folder, record }) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    try {
      await openWorkbench(page, server, folder);
    } catch (e) {
      const shot = await failureScreenshot(page, 'workbench');
      for (const test of uiTests)
        record(
          'ui',
          test.title,
          false,
          `the workbench did not get ready (${shot}): ${e.message}\n--- code-server log ---\n${server.logTail()}`,
        );
      return;
    }
    for (const [index, test] of uiTests.entries()) {
      try {
        await test.run(page, { folder });
        record('ui', test.title, true);
      } catch (e) {
        const shot = await failureScreenshot(page, `ui-${index + 1}`);
        record('ui', test.title, false, `${brief(e)}\nscreenshot: ${shot}`);
        await page.keyboard.press('Escape').catch(() => {});
      }
    }
  } finally {
    await page.close().catch(() => {});
  }
}

// Runs the extension-host suite (test/suite) inside code-server's workbench and reads the
// JSON report it writes: the browser never sees run()'s result.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, workbenchUrl } from './codeServer.mjs';

const HOST_EXITED = /Extension Host Process exited/g;
const exits = (server) => (server.logTail(Infinity).match(HOST_EXITED) ?? []).length;

/**
 * Opens `folder` with the suite as extensionTestsPath and waits for `reportFile`.
 * Returns the report: { passed, failed, tests: [{ title, state, error? }] }.
 */
export async function runExtensionHostSuite({ browser, server, folder, reportFile, timeoutMs }) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // The extension host's console (mocha's output, errors of run()) is forwarded to the page's.
  const consoleLines = [];
  page.on('console', (message) => {
    if (message.type() !== 'debug') consoleLines.push(message.text());
  });
  const failure = (why) =>
    new Error(
      `${why}\n--- workbench console (last lines) ---\n${consoleLines.slice(-30).join('\n')}\n--- ` +
        `code-server log (last lines) ---\n${server.logTail()}`,
    );
  const exitsBefore = exits(server);
  try {
    await page.goto(workbenchUrl(server, { folder, testsPath: join(REPO, 'test/suite/index.cjs') }));
    const deadline = Date.now() + timeoutMs;
    let exitedAt;
    while (!existsSync(reportFile)) {
      if (Date.now() > deadline) throw failure(`the extension-host suite wrote no report in ${timeoutMs / 1000} s`);
      // The host ends when run() settles; give the report a moment, then stop waiting.
      if (!exitedAt && exits(server) > exitsBefore) exitedAt = Date.now();
      if (exitedAt && Date.now() - exitedAt > 3000) throw failure('the extension host exited without writing a report');
      await new Promise((r) => setTimeout(r, 500));
    }
    return JSON.parse(readFileSync(reportFile, 'utf8'));
  } finally {
    await page.close().catch(() => {});
  }
}

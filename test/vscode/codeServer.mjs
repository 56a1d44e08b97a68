// Starts code-server (VS Code served to a browser) from .vscode-test/code-server, installing
// it first with scripts/setup-vscode.sh when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { endGroup, spawnGroup } from './processes.mjs';

export const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const CODE_SERVER = join(REPO, '.vscode-test/code-server/node_modules/.bin/code-server');
const STAMP = join(REPO, '.vscode-test/code-server/.installed-4.100.3');

/** Runs the set-up script when code-server is not installed; throws when it cannot install. */
export function ensureCodeServer() {
  if (existsSync(CODE_SERVER) && existsSync(STAMP)) return;
  console.log('code-server is not installed: running scripts/setup-vscode.sh');
  const setup = spawnSync('bash', [join(REPO, 'scripts/setup-vscode.sh')], { stdio: 'inherit' });
  if (setup.status !== 0 || !existsSync(CODE_SERVER)) {
    throw new Error(
      'code-server is not installed and scripts/setup-vscode.sh failed (see its message above); run ' +
        'it as root with network access to npm and Debian',
    );
  }
}

/** A TCP port that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on a free port with its own user data in `dir`. The settings turn off
 * the workspace trust dialog and the welcome page, which would otherwise cover the workbench.
 */
export async function startCodeServer({ dir, env = {}, timeoutMs = 60_000 }) {
  const userData = join(dir, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User/settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
      },
      null,
      2,
    ),
  );
  const configFile = join(dir, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const logFile = join(dir, 'code-server.log');
  const port = await freePort();
  const log = openSync(logFile, 'a');
  const child = spawnGroup(
    'code-server',
    CODE_SERVER,
    [
      '--config',
      configFile,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      join(dir, 'extensions'),
    ],
    { stdio: ['ignore', log, log], env: { ...process.env, ...env } },
  );
  closeSync(log);

  const exitedPromise = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  const server = {
    port,
    /** Resolves with code-server's exit code when it stops. */
    exited: exitedPromise,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    logFile,
    logTail: (lines = 40) =>
      existsSync(logFile) ? readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log)',
    stop: () => endGroup(child.pid),
  };
  let exited;
  child.once('exit', (code, signal) => (exited = `code-server exited (${signal ?? code})`));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`${exited} before it was ready; log:\n${server.logTail()}`);
    try {
      if ((await fetch(`${server.url}/healthz`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server was not ready after ${timeoutMs / 1000} s; log:\n${server.logTail()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The workbench URL that opens `folder` with the extension loaded from its development
 * folder (and, given `testsPath`, runs that test module in the extension host).
 * Paths in the payload are URIs on the server: vscode-remote://<authority><path>.
 */
export function workbenchUrl(server, { folder, extensionPath = REPO, testsPath }) {
  const base = `vscode-remote://127.0.0.1:${server.port}`;
  const payload = [['extensionDevelopmentPath', `${base}${extensionPath}`]];
  if (testsPath) payload.push(['extensionTestsPath', `${base}${testsPath}`]);
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

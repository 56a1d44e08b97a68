#!/usr/bin/env node
// `npm start`: opens examples/briefings in a real VS Code with the extension loaded from
// this folder. Uses the desktop `code` when it is on PATH; otherwise serves VS Code with
// code-server on localhost (installing it with scripts/setup-vscode.sh if needed) and
// prints the URL to open, running until Ctrl+C.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { REPO, ensureCodeServer, startCodeServer, workbenchUrl } from '../test/vscode/codeServer.mjs';
import { endAllOnExit } from '../test/vscode/processes.mjs';

const EXAMPLE = join(REPO, 'examples/briefings');

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

if (!existsSync(join(REPO, 'dist/extension.js'))) {
  const bundle = spawnSync(process.execPath, [join(REPO, 'scripts/bundle.mjs')], { stdio: 'inherit' });
  if (bundle.status !== 0) process.exit(bundle.status ?? 1);
}

if (onPath('code')) {
  const code = spawn('code', [`--extensionDevelopmentPath=${REPO}`, EXAMPLE], { stdio: 'inherit' });
  code.on('exit', (status) => process.exit(status ?? 0));
} else {
  endAllOnExit();
  try {
    ensureCodeServer();
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  // Kept between runs, like a desktop VS Code profile (.vscode-test/ is git-ignored).
  const dir = join(REPO, '.vscode-test/start');
  mkdirSync(dir, { recursive: true });
  const server = await startCodeServer({ dir });
  console.log(`VS Code (code-server) is serving examples/briefings with Grounded Notes loaded from ${REPO}.`);
  console.log(`Open:\n\n  ${workbenchUrl(server, { folder: EXAMPLE })}\n\nCtrl+C stops it. Log: ${server.logFile}`);
  // Ctrl+C ends code-server through the signal handler; otherwise wait until it stops by itself.
  const status = await server.exited;
  console.error(`code-server stopped (exit code ${status}); log: ${server.logFile}`);
  process.exit(status || 1);
}

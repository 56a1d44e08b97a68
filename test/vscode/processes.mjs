// Every process the harness starts runs in its own process group and is registered
// here, so it is ended by its pid (with all its children) whatever happens: a normal
// end, a failure, a time-out, Ctrl+C or SIGTERM.
import { spawn } from 'node:child_process';

const groups = new Map(); // pid → name

/** Spawns `command` as the leader of a new process group and remembers it. */
export function spawnGroup(name, command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid) track(name, child.pid);
  child.once('exit', () => groups.delete(child.pid));
  return child;
}

/** Remembers a process group started by someone else (e.g. Playwright's browser). */
export function track(name, pid) {
  groups.set(pid, name);
}

function alive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Ends one group: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function endGroup(pid, graceMs = 3000) {
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) signalGroup(pid, 'SIGKILL');
  groups.delete(pid);
}

export async function endAll() {
  await Promise.all([...groups.keys()].map((pid) => endGroup(pid)));
}

/** SIGKILLs every group synchronously: the last resort when the harness itself exits. */
function killAllNow() {
  for (const pid of groups.keys()) signalGroup(pid, 'SIGKILL');
  groups.clear();
}

let installed = false;
/** Ends every group on Ctrl+C, SIGTERM, SIGHUP and on exit. */
export function endAllOnExit() {
  if (installed) return;
  installed = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping ${[...groups.values()].join(', ') || 'nothing'}`);
      endAll().finally(() => process.exit(code));
    });
  }
  process.once('exit', killAllNow);
}

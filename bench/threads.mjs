/**
 * Where a command's CPU time goes, thread by thread (Linux): runs the command, reads
 * each of its threads' CPU time from /proc every 10 ms while it runs, and prints the
 * wall time, the CPU time of all threads and each thread's, the process's main thread
 * first, the others by when they started. A thread's last reading before it ends counts
 * (a thread that lives less than 10 ms may be missed).
 *
 * Usage: node bench/threads.mjs <command> [args…]
 *   e.g. node bench/threads.mjs node dist/cli.js check bench/workspaces/real-10000 --format json
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const [command, ...args] = process.argv.slice(2);
if (!command || process.platform !== 'linux') {
  process.stderr.write('usage (Linux): node bench/threads.mjs <command> [args…]\n');
  process.exit(2);
}
const TICK_MS = 1000 / 100; // USER_HZ: /proc counts CPU time in hundredths of a second

/** CPU milliseconds of one thread, or undefined once it has ended. */
function cpuMs(pid, tid) {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

const start = performance.now();
const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
/** Per thread: when it was first seen (ms) and its CPU time at the last reading. */
const threads = new Map();
const sample = () => {
  let tids = [];
  try {
    tids = readdirSync(`/proc/${child.pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    const ms = cpuMs(child.pid, tid);
    if (ms === undefined) continue;
    const t = threads.get(tid) ?? { first: performance.now() - start, ms: 0 };
    t.ms = ms;
    threads.set(tid, t);
  }
};
const timer = setInterval(sample, 10);
child.on('exit', (code) => {
  clearInterval(timer);
  const wall = performance.now() - start;
  const list = [...threads].map(([tid, t]) => ({ main: tid === String(child.pid), ...t })).filter((t) => t.ms > 0);
  list.sort((a, b) => Number(b.main) - Number(a.main) || a.first - b.first);
  const total = list.reduce((s, t) => s + t.ms, 0);
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`exit ${code}; wall ${s(wall)}; CPU of all threads ${s(total)} (${(total / wall).toFixed(2)} cores)`);
  for (const t of list) console.log(`  ${t.main ? 'main thread' : `thread from ${s(t.first)}`}: ${s(t.ms)}`);
});

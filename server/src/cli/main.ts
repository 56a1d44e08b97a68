/**
 * `grounded-notes check [folder] [--format text|json|sarif|github] [--max-warnings N]` and
 * `grounded-notes lsp`: the same engine as the language server, from a terminal or CI.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { relativePath } from '../core/workspace.js';
import { NodeWorkspace, loadSettings } from '../node/nodeWorkspace.js';
import { ParsePool, WORKER_SCRIPT } from '../node/parsePool.js';
import { READ_WORKER_SCRIPT } from '../node/fileReader.js';
import { SUGGEST_WORKER_SCRIPT } from '../node/suggestAlongside.js';
import { countProblems } from '../core/index.js';
import { VERSION } from '../core/product.js';
import { checkFolder } from './checkFolder.js';
import { formatSarif, formatText, toFindings } from './format.js';
import { formatGithub } from './github.js';
import { terminalSafe } from './terminal.js';
import { EXTRACT_WORKER_SCRIPT, Extractor } from '../node/extract/extractor.js';
import { FileExtractedCache } from '../node/extract/extractedCache.js';

const USAGE = `Usage:
  grounded-notes check [folder] [--format text|json|sarif|github] [--max-warnings N]
                       [--cache-dir DIR] [--threads N]
  grounded-notes lsp            start the language server on stdio
  grounded-notes --version | --help

check prints file:line:col severity code message for every problem and exits
1 when there is an error (or more warnings than --max-warnings), 2 on a usage
error, 0 otherwise. --format github prints GitHub Actions annotations (paths
relative to the directory it runs in). --cache-dir keeps a persisted index
there (never among your files), so the next check does not parse unchanged
files again; --threads sets how many worker threads parse (default: one per
core, 0 does all the work in one thread); with two cores or more, a second
thread finds did-you-mean names when thousands of links name nothing.`;

class UsageError extends Error {}

interface CheckOptions {
  folder: string;
  format: 'text' | 'json' | 'sarif' | 'github';
  maxWarnings?: number;
  cacheDir?: string;
  threads?: number;
}

function parseCheckArgs(args: string[]): CheckOptions {
  const opts: CheckOptions = { folder: '.', format: 'text' };
  let folderSet = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json' && f !== 'sarif' && f !== 'github')
        throw new UsageError(`unknown format "${f}": use text, json, sarif or github`);
      opts.format = f;
    } else if (a === '--max-warnings' || a.startsWith('--max-warnings=')) {
      const n = Number(value('--max-warnings'));
      if (!Number.isInteger(n) || n < 0) throw new UsageError('--max-warnings needs a whole number ≥ 0');
      opts.maxWarnings = n;
    } else if (a === '--cache-dir' || a.startsWith('--cache-dir=')) {
      opts.cacheDir = resolve(value('--cache-dir'));
    } else if (a === '--threads' || a.startsWith('--threads=')) {
      const n = Number(value('--threads'));
      if (!Number.isInteger(n) || n < 0 || n > 64) throw new UsageError('--threads needs a whole number from 0 to 64');
      opts.threads = n;
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option "${a}"`);
    } else if (!folderSet) {
      opts.folder = a;
      folderSet = true;
    } else {
      throw new UsageError(`one folder at a time (got "${opts.folder}" and "${a}")`);
    }
  }
  return opts;
}

async function check(opts: CheckOptions): Promise<number> {
  const folder = resolve(opts.folder);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`no such folder: ${opts.folder}`);
  const { config, errors } = await loadSettings(folder);
  for (const e of errors) process.stderr.write(`grounded-notes: ${terminalSafe(e)}\n`);
  const log = (m: string) => process.stderr.write(`grounded-notes: ${terminalSafe(m)}\n`);
  const extracted = opts.cacheDir ? new FileExtractedCache(opts.cacheDir, log) : undefined;
  const extractor = new Extractor({ workerScript: EXTRACT_WORKER_SCRIPT, ...(extracted ? { cache: extracted } : {}), log });
  const workspace = new NodeWorkspace([folder], () => {}, extractor, opts.threads !== 0 ? READ_WORKER_SCRIPT : undefined);
  // Without a persisted index every file is read.
  if (!opts.cacheDir) workspace.startReading();
  const pool = new ParsePool({
    ...(opts.threads !== 0 ? { workerScript: WORKER_SCRIPT } : {}),
    ...(opts.threads ? { threads: opts.threads } : {}),
    ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}),
    stateKey: JSON.stringify(config),
    tool: VERSION,
    log,
  });
  const suggestWorker = opts.threads !== 0 && availableParallelism() > 1 ? SUGGEST_WORKER_SCRIPT : undefined;
  const readers = { pool, extractor, extracted, log, ...(suggestWorker ? { suggestWorker } : {}) };
  const result = await checkFolder(workspace, config, readers, !!opts.cacheDir);
  // For the benchmark (bench/pdf.mjs): what reading PDFs and web pages cost in this run.
  if (process.env.GROUNDED_NOTES_TIMING)
    process.stderr.write(`timing: ${JSON.stringify({ extract: extractor.stats, cacheLoadMs: extracted?.loadMs ?? 0 })}\n`);
  const root = workspace.folders[0]!;
  const findings = toFindings(result.problems, (uri) => relativePath(root, uri), result.pageOf);
  if (opts.format === 'json') process.stdout.write(JSON.stringify(findings, null, 2) + '\n');
  else if (opts.format === 'sarif') process.stdout.write(JSON.stringify(formatSarif(findings), null, 2) + '\n');
  else if (opts.format === 'github') {
    // Annotations name files relative to the repository root, where the runner starts.
    const prefix = relative(process.env.GITHUB_WORKSPACE || process.cwd(), folder)
      .split(sep)
      .join('/');
    if (findings.length > 0) process.stdout.write(formatGithub(findings, prefix) + '\n');
  } else if (findings.length > 0) process.stdout.write(formatText(findings) + '\n');
  const { errors: errorsFound, warnings, infos } = countProblems(result.problems.values());
  const { notes, sources } = result;
  process.stderr.write(`${notes} notes, ${sources} sources: ${errorsFound} errors, ${warnings} warnings, ${infos} infos\n`);
  if (errorsFound > 0) return 1;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    process.stderr.write(`grounded-notes: ${warnings} warnings, more than --max-warnings ${opts.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** Runs the command line with `args` (without `node` and the script); resolves with the exit code. */
export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(USAGE + '\n');
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      process.stdout.write(VERSION + '\n');
      return 0;
    }
    if (command === 'check') return await check(parseCheckArgs(rest));
    if (command === 'lsp') {
      const { startServer } = await import('../lsp/server.js');
      startServer();
      return -1; // keeps running
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`grounded-notes: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`grounded-notes: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

// Run when executed directly (`node dist/cli.js`, `tsx server/src/cli/main.ts`); `bin/` calls `main` itself.
const isMain = typeof require !== 'undefined' ? require.main === module : /cli[\\/]main\.ts$/.test(process.argv[1] ?? '');
if (isMain) {
  main(process.argv.slice(2)).then((code) => {
    if (code >= 0) process.exitCode = code;
  });
}

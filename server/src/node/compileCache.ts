/**
 * Loads a bundle (`dist/cli.js`, `dist/server.js`) with the code V8 compiled for it kept
 * between runs, as Node's own compile cache does from Node 22 (`module.enableCompileCache`).
 * Compiling the 1.5 MB bundle was a fifth of the tool's start-up (about 50 of 240 ms on two
 * cores): every `check` and every start of the language server paid it again.
 *
 * The cache lives in the user's cache folder, never among the workspace's files, under a
 * name that holds a hash of the bundle's text and the Node version and architecture: V8
 * itself checks only the text's length, so a rebuilt bundle of the same length must not
 * meet the code compiled for the old one. A cache V8 refuses (other flags, a damaged file)
 * is compiled afresh and written again; anything that fails here leaves the bundle to
 * `require`, as without a cache.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** How many builds of one bundle keep their compiled code (the newest). */
const KEPT_BUILDS = 4;

/** Where compiled code is kept: `GROUNDED_NOTES_COMPILE_CACHE` (a folder, or `off`), else the platform's cache folder. */
export function compileCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: () => string = homedir,
): string | undefined {
  const set = env.GROUNDED_NOTES_COMPILE_CACHE;
  if (set !== undefined) return set === '' || set === '0' || set.toLowerCase() === 'off' ? undefined : set;
  try {
    const base =
      platform === 'win32'
        ? env.LOCALAPPDATA
        : platform === 'darwin'
          ? join(home(), 'Library', 'Caches')
          : env.XDG_CACHE_HOME || join(home(), '.cache');
    return base ? join(base, 'grounded-notes', 'compiled') : undefined;
  } catch {
    // No home folder (a service account): nothing is kept.
    return undefined;
  }
}

export interface Loaded {
  exports: unknown;
  /** True when V8 took the kept code (nothing was compiled but what the last run had not). */
  fromCache: boolean;
  /** Writes the code compiled so far (the functions run so far included); false when it could not. */
  save(): boolean;
}

/** The cache file's name for a bundle's text, in this Node. */
export function cacheFileName(path: string, text: string): string {
  const key = createHash('sha256').update(`${process.version}\0${process.arch}\0`).update(text).digest('hex').slice(0, 24);
  return `${basename(path)}-${key}.bin`;
}

/**
 * Runs the CommonJS bundle at `path` as `require` would, compiled from the code kept in
 * `dir` when there is some for this very text. Without `dir`, it is simply required.
 */
export function loadCached(path: string, dir: string | undefined): Loaded {
  const plain = (): Loaded => ({ exports: createRequire(path)(path), fromCache: false, save: () => false });
  if (!dir) return plain();
  let script: Script;
  let file: string;
  let kept: Buffer | undefined;
  try {
    const text = readFileSync(path, 'utf8');
    file = join(dir, cacheFileName(path, text));
    try {
      kept = readFileSync(file);
    } catch {
      kept = undefined;
    }
    script = new Script(Module.wrap(text), { filename: path, ...(kept ? { cachedData: kept } : {}) });
  } catch {
    return plain();
  }
  const fromCache = !!kept && !script.cachedDataRejected;
  // From here on the bundle runs: an error is its own and is thrown, never run twice.
  const module = new Module(path);
  module.filename = path;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  // The bundle's `require` is the one Node makes for a file at its path (with `resolve`, `cache`, `main`).
  wrapper.call(module.exports, module.exports, createRequire(path), module, path, dirname(path));
  module.loaded = true;
  const save = (): boolean => {
    try {
      const data = script.createCachedData();
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const temporary = `${file}.${process.pid}`;
      writeFileSync(temporary, data, { mode: 0o600 });
      renameSync(temporary, file);
      // Only the few builds of this bundle written last are kept: two installs of other versions
      // (a global one and a project's) each keep theirs; an older one evicted is written again at its next run.
      const prefix = `${basename(path)}-`;
      const others = readdirSync(dir)
        .filter((f) => f.startsWith(prefix) && f.endsWith('.bin') && f !== basename(file))
        .map((f) => ({ f, at: statSync(join(dir, f)).mtimeMs }))
        .sort((a, b) => b.at - a.at);
      for (const { f } of others.slice(KEPT_BUILDS - 1)) unlinkSync(join(dir, f));
      return true;
    } catch {
      return false;
    }
  };
  return { exports: module.exports, fromCache, save };
}

/**
 * `loadCached` with the platform's cache folder; when the kept code was missing or refused,
 * the code compiled by the end of the run is written as the process exits (a check, or a
 * language server's whole session, has compiled by then what the next run will call).
 */
export function requireCached(path: string, dir = compileCacheDir()): unknown {
  const loaded = loadCached(path, dir);
  if (!loaded.fromCache) process.once('exit', () => loaded.save());
  return loaded.exports;
}

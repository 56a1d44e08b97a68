import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { cacheFileName, compileCacheDir, loadCached } from '../../server/src/node/compileCache.js';
import { ensureBuilt, REPO } from '../helpers/lspClient.js';

describe('compile cache', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'gn-compiled-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A CommonJS file in the temporary folder (each test's own name: `require` keeps what it loaded). */
  const bundle = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('is kept in the platform cache folder, or where GROUNDED_NOTES_COMPILE_CACHE says, or nowhere', () => {
    const home = () => '/home/u';
    assert.equal(compileCacheDir({}, 'linux', home), '/home/u/.cache/grounded-notes/compiled');
    assert.equal(compileCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux', home), '/x/grounded-notes/compiled');
    assert.equal(compileCacheDir({}, 'darwin', home), '/home/u/Library/Caches/grounded-notes/compiled');
    assert.equal(compileCacheDir({ LOCALAPPDATA: 'C:\\L' }, 'win32', home), join('C:\\L', 'grounded-notes', 'compiled'));
    assert.equal(compileCacheDir({}, 'win32', home), undefined);
    assert.equal(compileCacheDir({ GROUNDED_NOTES_COMPILE_CACHE: '/c' }, 'linux', home), '/c');
    for (const off of ['off', 'OFF', '0', ''])
      assert.equal(compileCacheDir({ GROUNDED_NOTES_COMPILE_CACHE: off }, 'linux', home), undefined);
    assert.equal(
      compileCacheDir({}, 'linux', () => {
        throw new Error('no home');
      }),
      undefined,
    );
  });

  /** `loadCached` in a process of its own (V8 keeps what it compiled in a process, whatever the file holds), then `save`. */
  const inProcess = (path: string, cache: string) => {
    const script =
      `import { loadCached } from ${JSON.stringify(join(REPO, 'server/src/node/compileCache.ts'))};` +
      `const l = loadCached(${JSON.stringify(path)}, ${JSON.stringify(cache)});` +
      'console.log(JSON.stringify({ fromCache: l.fromCache, answer: l.exports.answer(), saved: l.save() }));';
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as { fromCache: boolean; answer: number; saved: boolean };
  };

  it('runs a bundle as require does, and the next run from the kept code', () => {
    const path = bundle('a.js', "module.exports = { answer: () => 42, dir: __dirname, file: __filename, sep: require('node:path').sep };");
    const cache = join(dir, 'cache');
    const loaded = loadCached(path, cache);
    assert.equal(loaded.fromCache, false);
    assert.deepEqual({ ...(loaded.exports as object), answer: undefined }, { answer: undefined, dir, file: path, sep });
    assert.equal(loaded.save(), true);
    const [file] = readdirSync(cache);
    assert.match(file!, /^a\.js-[0-9a-f]{24}\.bin$/);
    assert.equal(statSync(join(cache, file!)).mode & 0o777, 0o600);
    assert.deepEqual(inProcess(path, cache), { fromCache: true, answer: 42, saved: true });
  });

  it('never runs code kept for another text of the same length', () => {
    const cache = join(dir, 'cache');
    const a = bundle('b.js', 'module.exports = () => 42;');
    loadCached(a, cache).save();
    writeFileSync(a, 'module.exports = () => 43;');
    const again = loadCached(a, cache);
    assert.equal(again.fromCache, false);
    assert.equal((again.exports as () => number)(), 43);
    assert.equal(again.save(), true);
    assert.deepEqual(
      readdirSync(cache).sort(),
      [cacheFileName(a, 'module.exports = () => 42;'), cacheFileName(a, 'module.exports = () => 43;')].sort(),
    );
  });

  it('keeps the code of the four builds of a bundle written last', () => {
    const cache = join(dir, 'cache');
    const path = join(dir, 'g.js');
    const texts = [1, 2, 3, 4, 5, 6].map((n) => `module.exports = () => ${n};`);
    for (const [i, text] of texts.entries()) {
      // Another name each time: require and V8 keep what a process loaded under a name.
      const copy = join(dir, `g${i}`, 'g.js');
      mkdirSync(join(dir, `g${i}`));
      writeFileSync(copy, text);
      assert.equal(loadCached(copy, cache).save(), true);
      // Written a second apart at least, as builds are.
      const at = new Date(Date.now() - (texts.length - i) * 1000);
      utimesSync(join(cache, cacheFileName(copy, text)), at, at);
    }
    assert.deepEqual(
      readdirSync(cache).sort(),
      texts
        .slice(2)
        .map((t) => cacheFileName(path, t))
        .sort(),
    );
  });

  it('compiles afresh over a damaged cache file, and keeps the new code', () => {
    const cache = join(dir, 'cache');
    const text = 'module.exports = { answer: () => 7 };';
    const path = bundle('c.js', text);
    assert.equal(inProcess(path, cache).fromCache, false);
    const file = join(cache, cacheFileName(path, text));
    writeFileSync(file, Buffer.from('not code, not at all: '.repeat(40)));
    assert.deepEqual(inProcess(path, cache), { fromCache: false, answer: 7, saved: true });
    assert.deepEqual(inProcess(path, cache), { fromCache: true, answer: 7, saved: true });
  });

  it('without a cache folder, or one it cannot write, the bundle is simply required', () => {
    const path = bundle('d.js', 'module.exports = 5;');
    const plain = loadCached(path, undefined);
    assert.deepEqual([plain.exports, plain.fromCache, plain.save()], [5, false, false]);
    const file = bundle('not-a-folder', '');
    const blocked = loadCached(bundle('e.js', 'module.exports = 6;'), join(file, 'cache'));
    assert.deepEqual([blocked.exports, blocked.save()], [6, false]);
  });

  it("throws a bundle's own error once, without running it again", () => {
    const g = globalThis as { gnRuns?: number };
    g.gnRuns = 0;
    const path = bundle('f.js', "globalThis.gnRuns++; throw new Error('bundle failed');");
    assert.throws(() => loadCached(path, join(dir, 'cache')), /bundle failed/);
    assert.equal(g.gnRuns, 1);
    delete g.gnRuns;
  });

  it('the command line keeps its compiled code where it is told, and prints the same from it', () => {
    ensureBuilt();
    const run = () =>
      spawnSync(process.execPath, [join(REPO, 'bin/grounded-notes.js'), '--version'], {
        encoding: 'utf8',
        env: { ...process.env, GROUNDED_NOTES_COMPILE_CACHE: join(dir, 'cli') },
      });
    const first = run();
    assert.equal(first.status, 0, first.stderr);
    assert.ok(existsSync(join(dir, 'cli')));
    assert.deepEqual(
      readdirSync(join(dir, 'cli')).map((f) => f.replace(/-[0-9a-f]{24}\.bin$/, '')),
      ['cli.js'],
    );
    const second = run();
    assert.deepEqual([second.status, second.stdout, second.stderr], [0, first.stdout, '']);
  });
});

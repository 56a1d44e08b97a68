/**
 * The persisted index (`--cache-dir`, the editor's workspace storage) never changes
 * what a check reports: a damaged, edited or outdated index gives exactly the output
 * of a fresh check, skipped files are part of what it is checked against, and a
 * warm start reads no note whose stat is unchanged.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFolder } from '../../server/src/cli/checkFolder.js';
import { toFindings } from '../../server/src/cli/format.js';
import { createNotesService } from '../../server/src/core/index.js';
import { relativePath, type TextRead } from '../../server/src/core/workspace.js';
import { loadSettings, NodeWorkspace, pathToUri } from '../../server/src/node/nodeWorkspace.js';
import { ParsePool } from '../../server/src/node/parsePool.js';
import { Extractor } from '../../server/src/node/extract/extractor.js';
import { encodeIndexFile, IndexFile } from '../../server/src/node/indexFile.js';

const FILES: Record<string, string> = {
  'sources/000_talks.txt': 'Kirby spoke on Friday.\n\nThe talks went on.\n',
  'sources/000_talks.anchors.yaml': 'friday: Kirby spoke on Friday\n',
  'notes/a.md': 'Cites [[000#friday]], [[zzz]] and [[000#thursday]].\n',
  'notes/b.md': '# Bee\n\nSee [[a]] and [[qqq]].\n',
  'notes/c.md': '- first [[000#p2]]\n- then [[b#Bee]] and [[b#Bea]]\n',
};

function makeWorkspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gn-persist-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A workspace whose files have settled: a stat is trusted only for files that had not just changed. */
async function settled(files: Record<string, string>): Promise<string> {
  const dir = makeWorkspace(files);
  await new Promise((r) => setTimeout(r, 250));
  return dir;
}

/** Counts the notes, sources and anchor files a check reads (not the vault markers its link conventions look for). */
class CountingWorkspace extends NodeWorkspace {
  readonly reads: string[] = [];
  readonly stats: string[] = [];
  override statSync(uri: string) {
    if (/\/(notes|sources)\//.test(uri)) this.stats.push(uri);
    return super.statSync(uri);
  }
  override async readFile(uri: string): Promise<string | undefined> {
    if (/\/(notes|sources)\//.test(uri)) this.reads.push(uri);
    return super.readFile(uri);
  }
  override readFileSync(uri: string, maxBytes?: number): TextRead | undefined {
    if (/\/(notes|sources)\//.test(uri)) this.reads.push(uri);
    return super.readFileSync(uri, maxBytes);
  }
}

interface Run {
  output: string;
  /** Parses taken from the index, or -1 for its saved result (nothing checked). */
  reused: number;
  reads: string[];
  /** Files whose stat was taken apart from reading them. */
  stats: string[];
}

/** `grounded-notes check --format json` in this process, with a persisted index in `cacheDir` if given. */
async function check(dir: string, cacheDir?: string, tool?: string): Promise<Run> {
  const { config } = await loadSettings(dir);
  const workspace = new CountingWorkspace([dir]);
  const pool = new ParsePool({
    threads: 0,
    stateKey: JSON.stringify(config),
    ...(cacheDir ? { cacheDir } : {}),
    ...(tool ? { tool } : {}),
  });
  const result = await checkFolder(workspace, config, { pool, extractor: new Extractor(), extracted: undefined }, !!cacheDir);
  const root = workspace.folders[0]!;
  const output = JSON.stringify(
    toFindings(result.problems, (uri) => relativePath(root, uri)),
    null,
    1,
  );
  return {
    output,
    reused: result.saved ? -1 : pool.stats.reused,
    reads: workspace.reads.map((u) => relativePath(root, u)),
    stats: workspace.stats.map((u) => relativePath(root, u)),
  };
}

/** The one file the persisted index keeps in its folder. */
function indexFile(cacheDir: string): string {
  const files = readdirSync(cacheDir);
  assert.equal(files.length, 1, `one index file in ${files.join(', ')}`);
  return join(cacheDir, files[0]!);
}

/** A copy of `bytes` with every occurrence of `from` replaced by `to` (same length). */
function replaceBytes(bytes: Buffer, from: string, to: string): Buffer {
  assert.equal(from.length, to.length);
  const out = Buffer.from(bytes);
  const needle = Buffer.from(from, 'latin1');
  let count = 0;
  for (let i = out.indexOf(needle); i >= 0; i = out.indexOf(needle, i + 1)) {
    out.write(to, i, 'latin1');
    count++;
  }
  assert.ok(count > 0, `"${from}" is in the index`);
  return out;
}

describe('the persisted index', function () {
  this.timeout(120000);
  const dirs: string[] = [];
  const temp = (d: string) => (dirs.push(d), d);
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('a byte flipped or the file cut anywhere (80 places): exactly the output of a fresh check', async () => {
    const dir = temp(await settled(FILES));
    const fresh = (await check(dir)).output;
    const cache = temp(mkdtempSync(join(tmpdir(), 'gn-cache-')));
    assert.equal((await check(dir, cache)).output, fresh);
    const good = readFileSync(indexFile(cache));
    const variants: [string, Buffer][] = [];
    for (let i = 0; i < 40; i++) {
      const at = Math.floor((i * good.length) / 40);
      const flipped = Buffer.from(good);
      flipped[at] = flipped[at]! ^ 0x55;
      variants.push([`byte ${at} flipped`, flipped]);
      variants.push([`cut at ${at}`, good.subarray(0, at)]);
    }
    const wrong: string[] = [];
    for (const [what, bytes] of variants) {
      const damaged = temp(mkdtempSync(join(tmpdir(), 'gn-cache-')));
      writeFileSync(join(damaged, readdirSync(cache)[0]!), bytes);
      if ((await check(dir, damaged)).output !== fresh) wrong.push(what);
    }
    assert.deepEqual(wrong, []);
  });

  it('an edited problems section is ignored: the output is a fresh check', async () => {
    const dir = temp(await settled(FILES));
    const fresh = (await check(dir)).output;
    const cache = temp(mkdtempSync(join(tmpdir(), 'gn-cache-')));
    await check(dir, cache);
    const file = indexFile(cache);
    writeFileSync(file, replaceBytes(readFileSync(file), 'Unknown source `zzz`', 'Everything is fine. '));
    const warm = await check(dir, cache);
    assert.ok(fresh.includes('Unknown source `zzz`'));
    assert.equal(warm.output, fresh);
  });

  it('a poisoned parse is not believed, and not written back', async () => {
    const dir = temp(await settled(FILES));
    const cache = temp(mkdtempSync(join(tmpdir(), 'gn-cache-')));
    await check(dir, cache);
    // The parse of a.md now says it cites 000 where it cites zzz; b.md changes, so the
    // saved problems do not apply and a.md's parse is what the check would use.
    const file = indexFile(cache);
    writeFileSync(file, replaceBytes(readFileSync(file), 'zzz', '000'));
    writeFileSync(join(dir, 'notes/b.md'), '# Bee\n\nSee [[a]] and [[qqr]].\n');
    const fresh = (await check(dir)).output;
    assert.equal((await check(dir, cache)).output, fresh);
    assert.equal((await check(dir, cache)).output, fresh, 'the next run, from what the last one wrote');
  });

  it('after an upgrade (another version of the tool) nothing is reused', async () => {
    const dir = temp(await settled(FILES));
    const cache = temp(mkdtempSync(join(tmpdir(), 'gn-cache-')));
    await check(dir, cache, '0.1.0');
    assert.equal((await check(dir, cache, '0.1.0')).reused, -1);
    writeFileSync(join(dir, 'notes/b.md'), '# Bee\n\nSee [[a]] and [[qqr]].\n');
    assert.equal((await check(dir, cache, '0.1.0')).reused, 4);
    const upgraded = await check(dir, cache, '0.2.0');
    assert.equal(upgraded.reused, 0);
    assert.equal(upgraded.output, (await check(dir)).output);
  });

  it('a file skipped since the last run (binary, over the size limit) gets its GN007 although nothing else changed', async () => {
    const dir = temp(await settled({ ...FILES, '.vscode/settings.json': '{ "groundedNotes.maxFileSize": 2000 }' }));
    const cache = temp(mkdtempSync(join(tmpdir(), 'gn-cache-')));
    const before = await check(dir, cache);
    assert.ok(!before.output.includes('GN007'));
    writeFileSync(join(dir, 'notes/binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'notes/large.md'), 'Long. '.repeat(1000));
    const warm = await check(dir, cache);
    assert.equal(warm.output, (await check(dir)).output);
    assert.deepEqual(
      (JSON.parse(warm.output) as { file: string; code: string }[]).filter((f) => f.code === 'GN007').map((f) => f.file),
      ['notes/binary.md', 'notes/large.md'],
    );
  });

  it('a note added, deleted or renamed since the last run: exactly the output of a fresh check', async () => {
    const dir = temp(await settled(FILES));
    const cache = temp(mkdtempSync(join(tmpdir(), 'gn-cache-')));
    await check(dir, cache);
    const steps: [string, () => void][] = [
      ['added', () => writeFileSync(join(dir, 'notes/zzz.md'), '# Z\n')],
      ['deleted', () => rmSync(join(dir, 'notes/zzz.md'))],
      ['renamed', () => renameSync(join(dir, 'notes/b.md'), join(dir, 'notes/qqq.md'))],
    ];
    for (const [what, step] of steps) {
      step();
      assert.equal((await check(dir, cache)).output, (await check(dir)).output, what);
    }
  });

  it('a warm start reads nothing when nothing changed; else it parses only what changed, reading each text once when needed', async () => {
    const dir = temp(await settled(FILES));
    const cache = temp(mkdtempSync(join(tmpdir(), 'gn-cache-')));
    const cold = await check(dir, cache);
    assert.equal(cold.reads.length, 5);
    // Nothing remembered yet: each file is read at once, its stat taken from the open file.
    assert.deepEqual(cold.stats, []);
    const warm = await check(dir, cache);
    assert.equal(warm.output, cold.output);
    assert.deepEqual(warm.reads, []);
    // One note changed: the other notes and the anchor file are checked from their remembered parses (their
    // texts are read, once, only for the positions of their problems).
    writeFileSync(join(dir, 'notes/b.md'), '# Bee\n\nSee [[a]] and [[qqr]].\n');
    const edited = await check(dir, cache);
    assert.equal(edited.reused, 4); // a, c, the anchor file and the source (read, its parse reused by content)
    assert.deepEqual([...new Set(edited.reads)].sort(), [
      'notes/a.md',
      'notes/b.md',
      'notes/c.md',
      'sources/000_talks.anchors.yaml',
      'sources/000_talks.txt',
    ]);
    assert.equal(edited.reads.length, 5);
    // With parses remembered, each file's stat is taken first (an unchanged one need not be read).
    assert.deepEqual([...edited.stats].sort(), [
      'notes/a.md',
      'notes/b.md',
      'notes/c.md',
      'sources/000_talks.anchors.yaml',
      'sources/000_talks.txt',
    ]);
    assert.equal(edited.output, (await check(dir)).output);
    // A hover needs the note's text: read then, from the disk.
    const { config } = await loadSettings(dir);
    const pool = new ParsePool({ threads: 0, stateKey: JSON.stringify(config), cacheDir: cache });
    const service = createNotesService({ workspace: new NodeWorkspace([dir]), config, parser: pool });
    await service.initialize();
    const hover = service.hover(pathToUri(join(dir, 'notes/a.md')), { line: 0, character: 9 });
    assert.match(JSON.stringify(hover), /Kirby spoke on Friday/);
  });

  it('a warm start in the editor offers the same quick fixes as a fresh one (they are saved with the problems)', async () => {
    const dir = temp(await settled(FILES));
    const cache = temp(mkdtempSync(join(tmpdir(), 'gn-cache-')));
    const fixes = async (cacheDir?: string) => {
      const pool = new ParsePool({
        threads: 0,
        stateKey: JSON.stringify((await loadSettings(dir)).config),
        ...(cacheDir ? { cacheDir } : {}),
      });
      const service = createNotesService({ workspace: new NodeWorkspace([dir]), parser: pool });
      await service.initialize();
      service.saveProblems();
      pool.persist();
      const uri = pathToUri(join(dir, 'notes/c.md'));
      return {
        reused: pool.stats.reused,
        fixes: service.codeActions(uri, { start: { line: 1, character: 0 }, end: { line: 1, character: 30 } }, []),
      };
    };
    const fresh = await fixes();
    assert.ok(fresh.fixes.some((f) => f.title === 'Change to `Bee`'));
    await fixes(cache);
    const warm = await fixes(cache);
    assert.equal(warm.reused, 5);
    assert.deepEqual(warm.fixes, fresh.fixes);
    // A note touched (same text, another time): the saved problems still hold and are written
    // back as they were, with fixes the run never read; the next start offers them all the same.
    const mtime = new Date(Math.floor(Date.now() / 1000 - 60) * 1000);
    utimesSync(join(dir, 'notes/a.md'), mtime, mtime);
    const before = statSync(join(cache, 'index.gnidx')).ino;
    const touched = await fixes(cache);
    assert.deepEqual(touched.fixes, fresh.fixes);
    assert.notEqual(statSync(join(cache, 'index.gnidx')).ino, before); // written again
    assert.deepEqual((await fixes(cache)).fixes, fresh.fixes);
  });

  it("hands a warm start's saved problems over a slice at a time, every document once", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`notes/n${i}.md`] = `See [[missing ${i}]] and [[n${(i + 1) % 40}]].\n`;
    const dir = temp(await settled(files));
    const cache = temp(mkdtempSync(join(tmpdir(), 'gn-cache-')));
    const start = async () => {
      const pool = new ParsePool({ threads: 0, stateKey: '', cacheDir: cache });
      const service = createNotesService({ workspace: new NodeWorkspace([dir]), parser: pool });
      await service.initialize();
      const slices: number[] = [];
      const taken = new Map<string, string[]>();
      while (service.pendingChanges > 0) {
        const changed = service.takeChangedProblems(1);
        slices.push(changed.size);
        for (const [uri, problems] of changed) {
          assert.ok(!taken.has(uri), `${uri} taken twice`);
          taken.set(
            uri,
            problems.map((p) => p.message),
          );
        }
      }
      service.saveProblems();
      pool.persist();
      return { slices, taken, reused: pool.stats.reused };
    };
    const fresh = await start();
    const warm = await start();
    assert.equal(warm.reused, 40);
    assert.equal(warm.taken.size, 40);
    assert.ok(warm.slices.length >= 3 && warm.slices.every((n) => n > 0 && n <= 16), `slices ${warm.slices.join(', ')}`);
    assert.deepEqual(warm.taken, fresh.taken);
    assert.match(warm.taken.get(pathToUri(join(dir, 'notes/n7.md')))![0]!, /`missing 7`/);
  });

  it('a warm start in the editor with a note open takes the saved problems, though the files its links name were read early', async () => {
    const dir = temp(await settled(FILES));
    const cache = temp(mkdtempSync(join(tmpdir(), 'gn-cache-')));
    const { config } = await loadSettings(dir);
    const start = async (cacheDir?: string) => {
      const pool = new ParsePool({ threads: 0, stateKey: JSON.stringify(config), ...(cacheDir ? { cacheDir } : {}) });
      const service = createNotesService({ workspace: new NodeWorkspace([dir]), config, parser: pool });
      // An editor restores a note: it is opened, and the files its links name are read on demand, before the scan ends.
      const uri = pathToUri(join(dir, 'notes/c.md'));
      service.openDocument(uri, FILES['notes/c.md']!, 1);
      const prepared = service.prepare(uri);
      await service.initialize();
      await prepared;
      const checksLeft = service.pendingChecks;
      service.saveProblems();
      pool.persist();
      // What a user sees: each problem, and the quick fixes offered on it (a saved problem's are read when asked for).
      const problems = [...service.allProblems()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([doc, list]) => [doc, list.map(({ fixes: _, ...p }) => ({ ...p, offered: service.codeActions(doc, p.range, []) }))]);
      return { checksLeft, problems };
    };
    const fresh = await start();
    await start(cache);
    const warm = await start(cache);
    assert.equal(warm.checksLeft, 0); // the saved problems stand (the files read early are as the scan found them)
    assert.deepEqual(warm.problems, fresh.problems);
  });

  it('an attachment added or removed since the last run (links may name it): exactly the output of a fresh check', async () => {
    const dir = temp(await settled({ ...FILES, 'notes/d.md': 'A chart: ![[chart.png]]\n' }));
    const cache = temp(mkdtempSync(join(tmpdir(), 'gn-cache-')));
    const before = await check(dir, cache);
    assert.match(before.output, /chart\.png/);
    writeFileSync(join(dir, 'notes/chart.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const added = await check(dir, cache);
    assert.equal(added.output, (await check(dir)).output);
    assert.doesNotMatch(added.output, /chart\.png/);
    rmSync(join(dir, 'notes/chart.png'));
    const removed = await check(dir, cache);
    assert.equal(removed.output, before.output);
  });

  it('a note rewritten with the same size and modification time is read again', async () => {
    const dir = temp(await settled(FILES));
    const cache = temp(mkdtempSync(join(tmpdir(), 'gn-cache-')));
    await check(dir, cache);
    const path = join(dir, 'notes/a.md');
    const old = readFileSync(path, 'utf8');
    const mtime = new Date(Math.floor(Date.now() / 1000 - 60) * 1000);
    utimesSync(path, mtime, mtime);
    await check(dir, cache);
    writeFileSync(path, old.replace('[[zzz]]', '[[yyy]]'));
    utimesSync(path, mtime, mtime);
    const warm = await check(dir, cache);
    assert.ok(warm.reads.includes('notes/a.md'));
    assert.equal(warm.output, (await check(dir)).output);
    assert.match(warm.output, /Unknown source `yyy`/);
  });

  it('keeps payloads (e.g. text extracted from a PDF) by content hash while runs use them', async () => {
    const dir = temp(await settled(FILES));
    const cache = temp(mkdtempSync(join(tmpdir(), 'gn-cache-')));
    const pool = (): ParsePool => new ParsePool({ threads: 0, cacheDir: cache, stateKey: '' });
    const run = async (use: (p: ParsePool) => void) => {
      const p = pool();
      const service = createNotesService({ workspace: new NodeWorkspace([dir]), parser: p });
      await service.initialize();
      use(p);
      p.persist();
    };
    await run((p) => p.setPayload('pdf-text', 'sha256-of-the-pdf', Buffer.from('Page one.')));
    await run((p) => assert.equal(Buffer.from(p.payload('pdf-text', 'sha256-of-the-pdf') ?? []).toString(), 'Page one.'));
    await run((p) => assert.equal(p.payload('pdf-text', 'another'), undefined));
    await run((p) => assert.equal(p.payload('pdf-text', 'sha256-of-the-pdf'), undefined, 'unused in the last run: dropped'));
  });

  it('the file is read a section at a time: a bad section that is never asked for costs nothing, one asked for is refused', () => {
    const dir = temp(mkdtempSync(join(tmpdir(), 'gn-idx-')));
    const path = join(dir, 'index.gnidx');
    const sections = { files: Buffer.from('the files'), parses: Buffer.from('many parses'), problems: Buffer.from('the problems') };
    const bytes = encodeIndexFile('key', 1, sections);
    // Flip a byte inside `parses` only.
    const at = bytes.length - sections.problems.length - 2;
    bytes[at] = bytes[at]! ^ 1;
    writeFileSync(path, bytes);
    const file = IndexFile.openFile(path);
    assert.equal(file.section('files')?.toString(), 'the files');
    assert.equal(file.section('problems')?.toString(), 'the problems');
    assert.throws(() => file.section('parses'), /checksum mismatch in section parses/);
    file.close();
  });

  it('what was read of a file stays readable after it is released and replaced', () => {
    const dir = temp(mkdtempSync(join(tmpdir(), 'gn-idx-')));
    const path = join(dir, 'index.gnidx');
    writeFileSync(path, encodeIndexFile('key', 1, { files: Buffer.from('old files'), parses: Buffer.from('old parses') }));
    const file = IndexFile.openFile(path);
    assert.equal(file.section('files')?.toString(), 'old files');
    file.release();
    writeFileSync(path + '.tmp', encodeIndexFile('key', 2, { files: Buffer.from('new files'), parses: Buffer.from('new parses') }));
    renameSync(path + '.tmp', path);
    assert.equal(file.section('parses')?.toString(), 'old parses');
    const replaced = IndexFile.openFile(path);
    assert.equal(replaced.section('parses')?.toString(), 'new parses');
    replaced.close();
  });
});

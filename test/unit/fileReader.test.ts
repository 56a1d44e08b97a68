/**
 * Reading a scan's files on a thread of its own: each file read there is what
 * `readFileSync` reads here (the same checks: outside the folders, binary, not UTF-8,
 * over the size limit, gone), a scan through it finds what a scan without it finds,
 * a reader that fails leaves the files to the main thread, and what it answers of the
 * notes' dates is what the checks would find, taken only for the text it read.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNotesService, MemoryWorkspace } from '../../server/src/core/index.js';
import { noteTextMayHoldDateProblems } from '../../server/src/core/dates/index.js';
import { defaultConfig } from '../../server/src/core/config.js';
import type { DocUri } from '../../server/src/core/types.js';
import { NodeWorkspace, pathToUri } from '../../server/src/node/nodeWorkspace.js';
import { ensureBuilt, REPO } from '../helpers/lspClient.js';
import { problemLines } from '../helpers/fixture.js';

const READER = join(REPO, 'dist/readWorker.js');
const LIMIT = 1000;

/** A note quoting bytes of a binary file, with NUL among them, after its first 512 bytes. */
const DUMP = `# Dump\n\nSee [[a]].\n\n${'Some words. '.repeat(50)}\n\n\`\`\`\n4 0 obj \u0000\u0000 stream\n\`\`\`\n`;

describe('files read on a thread of their own', function () {
  this.timeout(60000);
  let root: string;
  let dir: string;
  let uris: string[];
  before(() => {
    ensureBuilt();
    root = mkdtempSync(join(tmpdir(), 'gn-reader-'));
    dir = join(root, 'vault');
    mkdirSync(join(dir, 'sub folder'), { recursive: true });
    writeFileSync(join(root, 'secret.md'), 'outside the vault\n');
    writeFileSync(join(dir, 'a.md'), '\ufeff# A\n\nSee [[b]] and [[nowhere]].\n');
    writeFileSync(join(dir, 'sub folder', 'b.md'), '# B\n\nBack to [[a]].\n\nThe vote was on Wednesday, October 8, 2021.\n');
    writeFileSync(join(dir, 'large.md'), `# Large\n\n${'word '.repeat(LIMIT)}\n`);
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x41]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x23, 0x20, 0xe9, 0x74, 0xe9, 0x0a]));
    // A note quoting a binary dump after its first 512 bytes is text, as VS Code and Obsidian open it; UTF-16 is not UTF-8.
    writeFileSync(join(dir, 'dump.md'), DUMP);
    writeFileSync(join(dir, 'utf16.md'), Buffer.from('# Wide\n', 'utf16le'));
    symlinkSync(join(root, 'secret.md'), join(dir, 'link out.md'));
    uris = ['a.md', 'sub folder/b.md', 'large.md', 'binary.md', 'latin1.md', 'link out.md', 'gone.md', 'dump.md', 'utf16.md'].map((f) =>
      pathToUri(join(dir, f)),
    );
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads each file as readFileSync does, and logs what it logs', async () => {
    const here: string[] = [];
    const there: string[] = [];
    const plain = new NodeWorkspace([dir], (m) => here.push(m));
    const reading = new NodeWorkspace([dir], (m) => there.push(m), undefined, READER);
    try {
      const read = await reading.readFilesElsewhere!(uris, LIMIT);
      assert.deepEqual(
        read,
        uris.map((u) => plain.readFileSync(u, LIMIT)),
      );
      assert.equal(read[0]!.text, '# A\n\nSee [[b]] and [[nowhere]].\n');
      assert.equal(read[1]!.text, '# B\n\nBack to [[a]].\n\nThe vote was on Wednesday, October 8, 2021.\n');
      // Over the limit, binary, not UTF-8, outside the folders: the stat, no text.
      for (const i of [2, 3, 4, 5, 8]) assert.equal(read[i]!.text, undefined, uris[i]);
      assert.equal(read[7]!.text, DUMP);
      assert.ok(read[2]!.stat.size > LIMIT);
      assert.equal(read[6], undefined);
      assert.deepEqual(there, here);
      assert.equal(there.length, 2, there.join('\n'));
      assert.match(there[0]!, /^Cannot read .*latin1\.md: /);
      assert.match(there[1]!, /^Not read .*link out\.md: outside the workspace folders$/);
    } finally {
      await reading.close();
    }
  });

  it('a scan through it finds what a scan without it finds', async () => {
    const alone = createNotesService({ workspace: new NodeWorkspace([dir]), config: defaultConfig });
    await alone.initialize();
    const reading = new NodeWorkspace([dir], () => {}, undefined, READER);
    let asked = 0;
    const read = reading.readFilesElsewhere!;
    Object.defineProperty(reading, 'readFilesElsewhere', {
      value: (u: string[], max: number, notes?: boolean[]) => (asked++, read(u, max, notes)),
    });
    try {
      const service = createNotesService({ workspace: reading, config: defaultConfig });
      await service.initialize();
      assert.ok(asked > 0);
      assert.deepEqual(service.counts(), alone.counts());
      assert.deepEqual(problemLines(service.allProblems()), problemLines(alone.allProblems()));
      assert.ok(problemLines(service.allProblems()).includes('a.md GN001 No note or file `nowhere` in the workspace'));
      assert.ok(problemLines(service.allProblems()).some((m) => m.startsWith('b.md GN020 ')));
    } finally {
      await reading.close();
    }
  });

  it('answers, of each note it read, whether its dates may hold problems', async () => {
    const reading = new NodeWorkspace([dir], () => {}, undefined, READER);
    const heard: [string, string, boolean][] = [];
    let all: () => void = () => {};
    const done = new Promise<void>((resolve) => (all = resolve));
    reading.onNoteFacts!((uri, text, may) => {
      heard.push([uri, text, may]);
      if (heard.length === 3) all();
    });
    try {
      // a.md, b.md and dump.md are notes with a text; large.md has none; latin1.md is not asked about.
      const notes = uris.map((_, i) => [0, 1, 2, 7].includes(i));
      const read = await reading.readFilesElsewhere!(uris, LIMIT, notes);
      await done;
      assert.deepEqual(
        heard.map(([uri, text, may]) => [uri.slice(uri.lastIndexOf('/') + 1), text === read[uris.indexOf(uri)]!.text, may]),
        [
          ['a.md', true, false],
          ['b.md', true, true],
          ['dump.md', true, false],
        ],
      );
      for (const [, text, may] of heard) assert.equal(may, noteTextMayHoldDateProblems(text));
    } finally {
      await reading.close();
    }
  });

  it('the checks take an answer for the text the index holds, and no other', async () => {
    const NOTE = '# B\n\nThe vote was on Wednesday, October 8, 2021.\n';
    const check = async (answeredText: string) => {
      const workspace = new Answering(['memory:///ws'], { 'b.md': NOTE });
      const service = createNotesService({ workspace, config: defaultConfig });
      await service.initialize();
      // An answer that the note holds none (untrue, so that taking it shows).
      workspace.answers.push(['memory:///ws/b.md', answeredText, false]);
      return problemLines(service.allProblems());
    };
    assert.deepEqual(await check(NOTE), []);
    // Answered for another text (the note changed since it was read): the checks find the date themselves.
    assert.deepEqual(await check(NOTE.replace('2021', '2022')), ['b.md GN020 October 8, 2021 was a Friday, not a Wednesday']);
  });

  it('a reader that fails leaves the files to the main thread, which reads them all', async () => {
    const broken = join(root, 'broken-reader.js');
    writeFileSync(broken, "throw new Error('no reader here');\n");
    const logged: string[] = [];
    const reading = new NodeWorkspace([dir], (m) => logged.push(m), undefined, broken);
    try {
      await assert.rejects(reading.readFilesElsewhere!(uris, LIMIT), /the file reader failed \(no reader here\)/);
      const service = createNotesService({ workspace: reading, config: defaultConfig });
      await service.initialize();
      const alone = createNotesService({ workspace: new NodeWorkspace([dir]), config: defaultConfig });
      await alone.initialize();
      assert.deepEqual(service.counts(), alone.counts());
      assert.deepEqual(problemLines(service.allProblems()), problemLines(alone.allProblems()));
      assert.ok(logged.includes('Files are read on the main thread: the file reader failed (no reader here)'), logged.join('\n'));
    } finally {
      await reading.close();
    }
  });
});

/** A workspace whose reading thread's answers are given by the test (`Workspace.onNoteFacts`). */
class Answering extends MemoryWorkspace {
  readonly answers: [DocUri, string, boolean][] = [];
  private listener: ((uri: DocUri, text: string, may: boolean) => void) | undefined;
  onNoteFacts(listener: (uri: DocUri, text: string, may: boolean) => void): void {
    this.listener = listener;
  }
  takeNoteFacts(): void {
    for (const [uri, text, may] of this.answers.splice(0)) this.listener?.(uri, text, may);
  }
}

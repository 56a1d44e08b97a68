/**
 * Start-up: a note opened during the scan has the files its links name read on
 * demand. However the reads and the scan interleave, every file ends up checked
 * and its problems published once.
 */
import { strict as assert } from 'node:assert';
import { createNotesService, MemoryWorkspace } from '../../server/src/core/index.js';
import type { DocUri } from '../../server/src/core/types.js';
import type { SuggestionKind } from '../../server/src/core/view.js';
import type { WorkspaceIndex } from '../../server/src/core/workspaceIndex.js';

/** A workspace whose second read of `slow` takes `ms` (the on-demand read, after the scan's own). */
class SlowSecondRead extends MemoryWorkspace {
  private count = 0;
  constructor(
    private readonly slow: DocUri,
    private readonly ms: number,
    files: Record<string, string>,
  ) {
    super(['memory:///ws'], files);
  }
  override async readFile(uri: DocUri): Promise<string | undefined> {
    if (uri === this.slow && ++this.count === 2) await new Promise((r) => setTimeout(r, this.ms));
    return super.readFile(uri);
  }
}

describe('files read on demand during the scan', () => {
  it('a link target whose on-demand read ends after the scan is still checked and published', async () => {
    const target = 'memory:///ws/notes/target.md';
    const note = 'memory:///ws/notes/open.md';
    const files = { 'notes/open.md': 'See [[target]].\n', 'notes/target.md': 'Links to [[nowhere]].\n' };
    const ws = new SlowSecondRead(target, 100, files);
    const service = createNotesService({ workspace: ws });
    service.openDocument(note, files['notes/open.md'], 1);
    const prepared = service.prepare(note);
    await service.initialize();
    const published = new Map(service.takeChangedProblems());
    await prepared;
    for (const [uri, problems] of service.takeChangedProblems()) published.set(uri, problems);
    assert.deepEqual(
      published.get(target)?.map((p) => `${p.code} ${p.message}`),
      ['GN001 No note or file `nowhere` in the workspace'],
    );
    assert.deepEqual(published.get(note), []);
  });
});

/** A workspace whose reads of `held` wait until `release` is called. */
class HeldRead extends MemoryWorkspace {
  release!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));
  constructor(
    private readonly held: DocUri,
    files: Record<string, string>,
  ) {
    super(['memory:///ws'], files);
  }
  override async readFile(uri: DocUri): Promise<string | undefined> {
    if (uri === this.held) await this.gate;
    return super.readFile(uri);
  }
}

/**
 * A server's service on `files` with `notes/open.md` open, its scan started and the read
 * of `held` waiting until `ws.release()`.
 */
function scanningWithHeldRead(held: string, files: Record<string, string>) {
  const ws = new HeldRead(`memory:///ws/${held}`, files);
  const service = createNotesService({ workspace: ws, yieldToRequests: () => new Promise((r) => setImmediate(r)) });
  const note = 'memory:///ws/notes/open.md';
  service.openDocument(note, files['notes/open.md']!, 1);
  return { ws, service, note, scan: service.initialize() };
}

/** What `answer` gives, or `still waiting after 2 s`. */
function withinTwoSeconds<T>(answer: Promise<T>): Promise<T | string> {
  return Promise.race([answer, new Promise<string>((r) => setTimeout(() => r('still waiting after 2 s'), 2000))]);
}

describe('a request on one link during the scan', () => {
  it('waits for the files that link names, not for the files of the note’s other links', async () => {
    const { ws, service, note, scan } = scanningWithHeldRead('notes/two.md', {
      'notes/open.md': 'See [[one]] and [[two]].\n',
      'notes/one.md': '# One\n\nThe first page.\n',
      'notes/two.md': '# Two\n\nThe second page.\n',
    });
    const onOne = { line: 0, character: 7 };
    const answered = await withinTwoSeconds(service.prepare(note, onOne).then(() => service.hover(note, onOne)?.contents));
    assert.match(String(answered), /^\*\*Note one\*\* — One\n\n> The first page/);
    ws.release();
    await scan;
    const onTwo = { line: 0, character: 19 };
    await service.prepare(note, onTwo);
    assert.match(String(service.hover(note, onTwo)?.contents), /^\*\*Note two\*\* — Two\n\n> The second page/);
  });
});

describe('checks during the scan', () => {
  it('checks only the open note before the scan ends: a file read on demand is judged once the files its links name are read', async () => {
    const target = 'memory:///ws/notes/target.md';
    const { ws, service, note, scan } = scanningWithHeldRead('notes/later.md', {
      'notes/open.md': 'See [[target]].\n',
      'notes/target.md': 'Links to [[later#No such heading]].\n',
      'notes/later.md': '# Real heading\n',
    });
    // A hover on the open note's link reads `target.md` on demand; `later.md` is not read yet.
    await service.prepare(note, { line: 0, character: 7 });
    const published = [...service.takeChangedProblems()].map(([uri, problems]) => [uri, problems.map((p) => `${p.code} ${p.message}`)]);
    ws.release();
    await scan;
    await service.prepare(note);
    published.push(...[...service.takeChangedProblems()].map(([uri, problems]) => [uri, problems.map((p) => `${p.code} ${p.message}`)]));
    const heading = ['GN002 No heading `No such heading` in note `later`'];
    assert.deepEqual(
      published.filter(([uri]) => uri === target),
      [[target, heading]],
    );
  });
});

describe('a held note’s did-you-mean tables', () => {
  it('are asked for a few links at a time: a note with 300 links is resolved in steps of 128', async () => {
    const links = Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? `[[page ${i}]]` : `[[missing ${i}]]`));
    const files: Record<string, string> = { 'notes/hub.md': `${links.join(' ')} [[deep/missing/path]]\n` };
    for (let i = 0; i < 300; i += 2) files[`notes/page ${i}.md`] = `# Page ${i}\n`;
    const service = createNotesService({ workspace: new MemoryWorkspace(['memory:///ws'], files) });
    await service.initialize();
    const view = service.view as WorkspaceIndex;
    const kinds = new Set<SuggestionKind>();
    const steps = [...view.askedKindSteps(view.note('memory:///ws/notes/hub.md')!, kinds, 128)];
    assert.equal(steps.length, 2);
    assert.deepEqual([...kinds].sort(), ['note', 'path']);
  });
});

describe('a completion during the scan', () => {
  it('waits for the file the link being written names, not for the files of the note’s other links', async () => {
    const { ws, service, note, scan } = scanningWithHeldRead('notes/two.md', {
      'notes/open.md': 'See [[two]].\nNow [[one#\n',
      'notes/one.md': '# First heading\n\n## Second\n',
      'notes/two.md': '# Two\n',
    });
    const afterHash = { line: 1, character: 10 };
    const offered = await withinTwoSeconds(
      service.prepareCompletion(note, afterHash).then(() => service.completion(note, afterHash).map((i) => i.label)),
    );
    assert.deepEqual(offered, ['First heading', 'Second']);
    ws.release();
    await scan;
  });
});

describe('a note held during the scan', () => {
  it('has no quick fixes yet, and no problems published before the files its links name are read', async () => {
    const { ws, service, note, scan } = scanningWithHeldRead('notes/two.md', {
      'notes/open.md': 'See [[one]] and [[two#Missing]].\n',
      'notes/one.md': '# One\n',
      'notes/two.md': '# Two\n',
    });
    const onOne = { line: 0, character: 7 };
    await service.prepare(note, onOne);
    assert.match(String(service.hover(note, onOne)?.contents), /^\*\*Note one\*\*/);
    // What an editor asks as the cursor moves.
    assert.deepEqual(service.codeActions(note, { start: { line: 0, character: 0 }, end: { line: 0, character: 30 } }, []), []);
    const published = [...service.takeChangedProblems()].filter(([uri]) => uri === note);
    ws.release();
    await scan;
    await service.prepare(note);
    published.push(...[...service.takeChangedProblems()].filter(([uri]) => uri === note));
    assert.deepEqual(
      published.map(([, problems]) => problems.map((p) => `${p.code} ${p.message}`)),
      [['GN002 No heading `Missing` in note `two`']],
    );
  });
});

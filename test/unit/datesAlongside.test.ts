/**
 * Dates on a second thread: the notes that cite no source get their date analysis from
 * the worker, and the problems are those found on one thread; an analysis made from
 * another text is never taken, and a worker that fails leaves the dates to the main thread.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createNotesService } from '../../server/src/core/index.js';
import { defaultConfig } from '../../server/src/core/config.js';
import { analyzeNoteDates } from '../../server/src/core/dates/index.js';
import { parseNote } from '../../server/src/core/parse/note.js';
import type { NotesService } from '../../server/src/core/api.js';
import type { Problem } from '../../server/src/core/types.js';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace.js';
import { DatesAlongside } from '../../server/src/node/datesAlongside.js';
import { ensureBuilt, REPO } from '../helpers/lspClient.js';

const WORKER = join(REPO, 'dist/dateWorker.js');
const NOTES = 60;

/** Notes with dates of every kind the checks read (a fourth link nowhere); with a source, one note cites it. */
function vault(notes = NOTES, withSource = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'gn-dates-'));
  if (withSource) {
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'sources', '000.txt'), 'Briefing\nDecember 9, 2021\n\nThe talks ended on Thursday, December 9.\n');
    writeFileSync(join(dir, 'cites.md'), 'On Wednesday, December 9 the talks ended [[000]].\n');
  }
  for (let i = 0; i < notes; i++) {
    const day = 1 + (i % 28);
    const link = (target: string) => (i % 4 ? `[[${target}]]` : target);
    const lines = [
      `# Note ${i}`,
      '',
      // October 8, 2021 was a Friday: a weekday mismatch on every other note.
      `- The meeting was on ${i % 2 ? 'Wednesday' : 'Friday'}, October 8, 2021, see ${link(`note ${(i + 1) % notes}`)}.`,
      `- A deadline of February ${i % 3 ? 30 : day}, 2022 was set.`,
      `- The daily note ${link(`2021-06-${String(day).padStart(2, '0')}`)} and "Monday, October 8, 2021" in quotes are not the note's dates.`,
      '',
      '```',
      'Tuesday, October 8, 2021 in code',
      '```',
    ];
    if (i % 5 === 0) lines.unshift('---', 'date: 2021-12-10', '---');
    if (i % 7 === 0) lines.push('', `Three days after that, on Wednesday, December 9, the talks ended.`);
    writeFileSync(join(dir, `note ${i}.md`), lines.join('\n') + '\n');
  }
  writeFileSync(join(dir, '2021-10-02.md'), 'On Saturday the notes were read again, and on Monday, October 5.\n');
  return dir;
}

function messages(problems: Map<string, Problem[]>): string[] {
  return [...problems]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([uri, list]) =>
      list.map(
        (p) =>
          `${decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1))} ${p.range.start.line}:${p.range.start.character} ${p.code} ${p.message}`,
      ),
    );
}

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(done(), 'the worker did not answer');
}

/** A service whose date analyses are counted as the checks take them from `dates`. */
async function indexed(dir: string, dates?: DatesAlongside): Promise<{ service: NotesService; taken: () => number }> {
  let taken = 0;
  const counting = dates && {
    add: dates.add.bind(dates),
    take: (uri: string, text: string) => {
      const a = dates.take(uri, text);
      if (a) taken++;
      return a;
    },
  };
  const service = createNotesService({
    workspace: new NodeWorkspace([dir]),
    config: defaultConfig,
    ...(counting ? { datesElsewhere: counting } : {}),
  });
  await service.initialize();
  return { service, taken: () => taken };
}

describe('dates on a second thread', function () {
  this.timeout(60000);
  let dir: string;
  let alone: string[];
  before(async () => {
    ensureBuilt();
    dir = vault();
    alone = messages((await indexed(dir)).service.allProblems());
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the vault has date problems of every kind, in notes citing nothing and in the one citing a source', () => {
    const codes = new Set(alone.map((m) => m.split(' ')[3]));
    for (const code of ['GN020', 'GN024']) assert.ok(codes.has(code), `${code} in ${alone.join('\n')}`);
    assert.ok(alone.includes('note 1.md 2:21 GN020 October 8, 2021 was a Friday, not a Wednesday'), alone.join('\n'));
    assert.ok(
      alone.some((m) => m.startsWith('cites.md 0:3 GN020')),
      alone.join('\n'),
    );
  });

  it('in a vault without sources the worker analyses every note, and the problems are those found on one thread', async () => {
    const plain = vault(NOTES, false);
    const dates = new DatesAlongside({ workerScript: WORKER, startAfter: 0, batch: 1 });
    try {
      const expected = messages((await indexed(plain)).service.allProblems());
      assert.ok(expected.some((m) => m.includes('GN020')));
      const { service, taken } = await indexed(plain, dates);
      await until(() => dates.unanswered === 0);
      assert.deepEqual(messages(service.allProblems()), expected);
      assert.equal(taken(), NOTES + 1);
    } finally {
      await dates.close();
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('in a workspace with sources the worker analyses the notes that link nowhere, with the same problems', async () => {
    const dates = new DatesAlongside({ workerScript: WORKER, startAfter: 0, batch: 1 });
    try {
      const { service, taken } = await indexed(dir, dates);
      await until(() => dates.unanswered === 0);
      assert.deepEqual(messages(service.allProblems()), alone);
      // A fourth of the notes, and the daily note; the others may cite a source and are analysed here.
      assert.equal(taken(), NOTES / 4 + 1);
    } finally {
      await dates.close();
    }
  });

  it('the worker makes the analysis this thread makes, note by note', async () => {
    const dates = new DatesAlongside({ workerScript: WORKER, startAfter: 0, batch: 3 });
    try {
      const texts = [
        'On Wednesday, October 8, 2021 [[a]] and "Monday, October 8" and `Friday, October 8`.',
        '---\ndate: 2021-12-10\n---\n\nOn Wednesday, December 9, and three days after, and 2021-13-40.',
        '- from March 3 to March 1, 2020\n- since 2019\n\n| May 5 | June 31, 2021 |\n',
      ];
      for (let round = 0; round < 3; round++)
        texts.forEach((text, i) => dates.add(`file:///n${i}-${round}.md`, text, parseNote(`file:///n${i}-${round}.md`, text)));
      // Nine notes in batches of three: every one is sent.
      await until(() => dates.unanswered === 0);
      for (let round = 0; round < 2; round++)
        texts.forEach((text, i) => {
          const uri = `file:///n${i}-${round}.md`;
          const there = dates.take(uri, text);
          assert.ok(there, uri);
          assert.ok(isDeepStrictEqual({ ...there, sentences: there.sentences }, analyzeNoteDates(text, parseNote(uri, text))), uri);
          assert.equal(dates.take(uri, text), undefined, 'taken once');
        });
    } finally {
      await dates.close();
    }
  });

  it('an analysis made from another text is not taken', async () => {
    const dates = new DatesAlongside({ workerScript: WORKER, startAfter: 0, batch: 1 });
    try {
      const before = 'It was Wednesday, October 8, 2021.';
      dates.add('file:///a.md', before, parseNote('file:///a.md', before));
      await until(() => dates.unanswered === 0);
      assert.equal(dates.take('file:///a.md', 'It was Friday, October 8, 2021.'), undefined);
      assert.equal(dates.take('file:///b.md', before), undefined);
    } finally {
      await dates.close();
    }
  });

  it('a worker that fails leaves the dates to the main thread, with the same problems', async () => {
    const broken = join(dir, 'broken-worker.js');
    writeFileSync(broken, "throw new Error('no worker here');\n");
    const logged: string[] = [];
    const dates = new DatesAlongside({ workerScript: broken, startAfter: 0, batch: 1, log: (m) => logged.push(m) });
    try {
      const { service, taken } = await indexed(dir, dates);
      await until(() => logged.length > 0);
      assert.deepEqual(messages(service.allProblems()), alone);
      assert.equal(taken(), 0);
      assert.deepEqual(logged, ['Dates are analysed on the main thread: the date worker failed: no worker here']);
    } finally {
      await dates.close();
      rmSync(broken);
    }
  });

  it('the command line prints the same with the worker as with --threads 0', () => {
    // Enough notes for the command line to start the worker.
    const big = vault(700, false);
    try {
      const run = (...extra: string[]) =>
        spawnSync(process.execPath, [join(REPO, 'bin/grounded-notes.js'), 'check', big, '--format', 'json', ...extra], {
          cwd: REPO,
          encoding: 'utf8',
        });
      const one = run('--threads', '0');
      const two = run();
      assert.equal(one.status, 1);
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.stderr, one.stderr);
      assert.ok(JSON.parse(two.stdout).filter((p: { code: string }) => p.code === 'GN020').length >= 350);
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });
});

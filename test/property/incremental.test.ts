/**
 * Incremental checking is invisible: after any sequence of edits (editor changes,
 * opens and closes, files created, changed and deleted on disk, in notes, sources and
 * anchor files), the problems the service published equal those of a fresh service
 * created on the final files.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createNotesService, MemoryWorkspace } from '../../server/src/core/index.js';
import type { NotesService } from '../../server/src/core/api.js';
import type { Problem } from '../../server/src/core/types.js';
import { citation } from './gen.js';
import { PROPERTY_SEED } from './seed.js';

const ROOT = 'memory:///ws';
const PATHS = [
  'notes/a.md',
  'notes/b.md',
  'notes/Note Name.md',
  'sources/001_a.txt',
  'sources/002_b.md',
  'sources/002_c.txt',
  'sources/001_a.anchors.yaml',
  'sources/002_b.anchors.yaml',
  'sources/orphan.anchors.yaml',
];

const sourceText = fc
  .array(
    fc.constantFrom(
      'John Kirby clarified the comments in a press briefing Friday.',
      'What next',
      '# A heading',
      'On Wednesday, October 8, the president spoke.',
      'December 7, 2021',
      'we will never urge the Ukrainians to make a compromise',
      'Macron clearly stated that “we will never urge”.',
      '',
      'A third paragraph, with more words.',
    ),
    { maxLength: 6 },
  )
  .map((ls) => ls.join('\n'));

const anchorText = fc
  .array(
    fc.constantFrom(
      'kirby: John Kirby clarified',
      'next: What next',
      'lost: words that are nowhere',
      'stale: John Kirby explained the comments',
      'macron:\n  quote: never urge\n  prefix: "we will "',
      'kirby: duplicate key',
      'bad: [oops',
      '- a list',
      'num: 42',
      '',
    ),
    { maxLength: 4 },
  )
  .map((ls) => ls.join('\n'));

const noteText = fc
  .array(
    fc.oneof(
      citation,
      fc.constantFrom(
        '[[001#kirby]]',
        '[[002_b#next]]',
        '[[001#"John Kirby clarified"]]',
        '[[b]]',
        '[[Note Name#x]]',
        'He said "the comments" [[001]].',
        '`[[001#code]]`',
        '# x',
        '\n\n',
        'Wednesday, October 8, 2021.',
      ),
    ),
    { maxLength: 6 },
  )
  .map((xs) => xs.join(' '));

function textFor(path: string): fc.Arbitrary<string> {
  if (path.endsWith('.yaml')) return anchorText;
  if (path.startsWith('sources/')) return sourceText;
  return noteText;
}

type Op =
  | { op: 'disk'; path: string; text: string }
  | { op: 'delete'; path: string }
  | { op: 'open'; path: string; text: string }
  | { op: 'insert'; path: string; at: number; text: string }
  | { op: 'cut'; path: string; at: number; length: number }
  | { op: 'close'; path: string };

const pathArb = fc.constantFrom(...PATHS);
const opArb: fc.Arbitrary<Op> = pathArb.chain((path) =>
  fc.oneof(
    textFor(path).map((text) => ({ op: 'disk' as const, path, text })),
    fc.constant({ op: 'delete' as const, path }),
    textFor(path).map((text) => ({ op: 'open' as const, path, text })),
    fc.tuple(fc.nat(), fc.oneof(citation, textFor(path))).map(([at, text]) => ({ op: 'insert' as const, path, at, text })),
    fc.tuple(fc.nat(), fc.integer({ min: 1, max: 30 })).map(([at, length]) => ({ op: 'cut' as const, path, at, length })),
    fc.constant({ op: 'close' as const, path }),
  ),
);

const initialFiles = fc.tuple(...PATHS.map((p) => fc.option(textFor(p), { nil: undefined, freq: 3 })));

function key(p: Problem): string {
  const r = p.range;
  return `${p.uri} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${p.code} ${p.severity} ${p.message}`;
}

function flatten(map: Map<string, Problem[]>): string[] {
  return [...map.values()].flat().map(key).sort();
}

describe('property: incremental edits match a fresh check', function () {
  this.timeout(60000);

  it('published problems after random edits equal a fresh service on the final files', async () => {
    await fc.assert(
      fc.asyncProperty(initialFiles, fc.array(opArb, { minLength: 1, maxLength: 12 }), async (initial, ops) => {
        const disk = new MemoryWorkspace([ROOT]);
        initial.forEach((text, i) => {
          if (text !== undefined) disk.set(PATHS[i]!, text);
        });
        const service: NotesService = createNotesService({ workspace: disk });
        await service.initialize();
        const published = new Map<string, Problem[]>(service.takeChangedProblems());
        const open = new Map<string, { text: string; version: number }>();
        const uri = (path: string) => `${ROOT}/${path}`;
        const current = (path: string) => open.get(path)?.text ?? disk.files.get(uri(path));
        for (const op of ops) {
          const u = uri(op.path);
          if (op.op === 'disk') {
            const existed = disk.files.has(u);
            disk.set(op.path, op.text);
            await service.filesChanged([{ uri: u, kind: existed ? 'changed' : 'created' }]);
          } else if (op.op === 'delete') {
            if (!disk.files.has(u)) continue;
            disk.delete(op.path);
            // The editor keeps no text of a deleted file (the service forgets it too).
            open.delete(op.path);
            await service.filesChanged([{ uri: u, kind: 'deleted' }]);
          } else if (op.op === 'open' || op.op === 'insert' || op.op === 'cut') {
            let text: string;
            if (op.op === 'open') text = op.text;
            else {
              const before = current(op.path) ?? '';
              const at = before.length === 0 ? 0 : op.at % (before.length + 1);
              text =
                op.op === 'insert' ? before.slice(0, at) + op.text + before.slice(at) : before.slice(0, at) + before.slice(at + op.length);
            }
            const version = (open.get(op.path)?.version ?? 0) + 1;
            open.set(op.path, { text, version });
            service.openDocument(u, text, version);
          } else {
            if (!open.delete(op.path)) continue;
            await service.closeDocument(u);
          }
          // Sometimes several changes arrive before the problems are taken.
          if (op.op !== 'cut') for (const [k, v] of service.takeChangedProblems()) published.set(k, v);
        }
        for (const [k, v] of service.takeChangedProblems()) published.set(k, v);

        const final = new MemoryWorkspace([ROOT]);
        for (const path of PATHS) {
          const text = current(path);
          if (text !== undefined) final.set(path, text);
        }
        const fresh = createNotesService({ workspace: final });
        await fresh.initialize();
        const expected = flatten(fresh.allProblems());
        assert.deepEqual(flatten(published), expected, 'published problems');
        assert.deepEqual(flatten(service.allProblems()), expected, 'allProblems');
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });
});

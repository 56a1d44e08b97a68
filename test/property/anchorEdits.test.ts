/**
 * Every edit the service makes to an anchor file leaves it valid YAML with every other
 * anchor as it was: random valid anchor files (indented or not, `---` and `...`
 * markers, comments, CRLF, every scalar style, map entries in block and flow style,
 * keys YAML would read as booleans or numbers) × random edits (Create Anchor on a
 * random selection with a random name, rename of a random anchor to a random name,
 * the GN005 fix after the source changed under an anchor).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { NotesError } from '../../server/src/core/api.js';
import { createNotesService, MemoryWorkspace } from '../../server/src/core/index.js';
import { parseAnchorFile } from '../../server/src/core/parse/anchorFile.js';
import { LineIndex } from '../../server/src/core/text.js';
import type { TextEdit } from '../../server/src/core/types.js';
import { applyEdits } from '../helpers/edits.js';
import { PROPERTY_SEED } from './seed.js';

const ROOT = 'memory:///ws';
const SRC = `${ROOT}/sources/001_a.txt`;
const ANCHORS = `${ROOT}/sources/001_a.anchors.yaml`;

/** Source text with words YAML reads specially, and a repeated phrase (Create Anchor adds prefix and suffix there). */
const SOURCE = [
  'The vote passed on Friday: true, said the clerk.',
  'It was 123 to 7, or 0x1F in hex, and null votes were ~ none.',
  '- a dash, # a hash, "double" and \'single\' quotes, {braces} and [brackets], a: b.',
  'The vote passed again; yes, no, on, off. Über café… “curly” — dash & *star* !bang %pct @at `tick` |bar >gt',
].join(' ');

/** Anchor names: ordinary, read as other types by YAML, starting with indicators, and built-in kinds (refused). */
const names = fc.constantFrom(
  'vote',
  'friday',
  'k-1',
  'true',
  'false',
  'null',
  '123',
  '0123',
  '1e5',
  'yes',
  'on',
  '~',
  '-a',
  '?a',
  'a:b',
  'a:',
  '&a',
  '*a',
  '!a',
  '%a',
  '@a',
  '`a',
  "a'b",
  '{a',
  'a}',
  'a,b',
  '>a',
  'über',
  'p1',
  'L5',
  'page=2',
  '<<',
);

/** A quote of the source: the words from one word boundary to another. */
const quotes = fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 })).map(([at, n]) => {
  const words = SOURCE.split(' ');
  const from = at % words.length;
  return words.slice(from, from + n).join(' ');
});

/** A scalar written in one of YAML's styles; the style may not be able to hold every text (then the file is not used). */
function scalar(text: string, style: number, indent: string): string {
  switch (style) {
    case 0:
      return JSON.stringify(text);
    case 1:
      return `'${text.replace(/'/g, "''")}'`;
    case 2:
      return `|-\n${indent}  ${text}`;
    case 3:
      return `>-\n${indent}  ${text}`;
    default:
      return text;
  }
}

/** A key written plain when YAML reads it back as the same string, else double-quoted. */
function key(name: string, quoted: boolean): string {
  return quoted ? JSON.stringify(name) : name;
}

interface Entry {
  name: string;
  quote: string;
  prefix?: string;
}

const entry = fc.record({ name: names, quote: quotes, prefix: fc.option(quotes, { nil: undefined }) }) as fc.Arbitrary<Entry>;

/** An anchor file written from entries in random styles. */
const anchorFile = fc
  .record({
    entries: fc.uniqueArray(entry, { minLength: 1, maxLength: 5, selector: (e) => e.name.toLowerCase() }),
    styles: fc.array(
      fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean(), fc.boolean(), fc.constantFrom('', '  # note', '\n# between\n', '\n')),
      { minLength: 5, maxLength: 5 },
    ),
    indent: fc.constantFrom('', '', '  ', '    '),
    start: fc.constantFrom('', '---\n', '# Anchors\n', '%YAML 1.2\n---\n'),
    end: fc.constantFrom('', '', '...\n', '...\n# after the end\n', '# last comment\n', '\n\n'),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ entries, styles, indent, start, end, crlf, finalNewline }) => {
    const lines: string[] = [];
    entries.forEach((e, i) => {
      const [style, quotedKey, flowMap, after] = styles[i]!;
      const k = key(e.name, quotedKey || /^[^\p{L}\p{N}]|^(true|false|null|yes|on|~|\d)/u.test(e.name));
      if (e.prefix !== undefined && flowMap)
        lines.push(`${indent}${k}: {quote: ${JSON.stringify(e.quote)}, prefix: ${JSON.stringify(e.prefix)}}`);
      else if (e.prefix !== undefined)
        lines.push(
          `${indent}${k}:`,
          `${indent}  quote: ${scalar(e.quote, style, indent + '  ')}`,
          `${indent}  prefix: ${JSON.stringify(e.prefix)}`,
        );
      else lines.push(`${indent}${k}: ${scalar(e.quote, style, indent)}`);
      if (after.trim())
        lines.push(
          ...after
            .split('\n')
            .filter((l) => l !== '')
            .map((l) => indent + l.trim()),
        );
      else if (after === '\n') lines.push('');
    });
    let text = start + lines.join('\n') + '\n' + end;
    if (!finalNewline) text = text.replace(/\n$/, '');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/** Key → [quote, prefix, suffix] of every anchor, or the file's problems. */
function anchorsOf(text: string): Map<string, [string, string | undefined, string | undefined]> | string[] {
  const file = parseAnchorFile(ANCHORS, text);
  if (file.problems.length > 0) return file.problems.map((p) => `${p.range.start.line + 1}: ${p.message}`);
  return new Map(file.anchors.map((a) => [a.key, [a.quote, a.prefix, a.suffix]]));
}

type Edit =
  | { kind: 'create'; at: number; length: number; name: string }
  | { kind: 'rename'; which: number; name: string }
  | { kind: 'stale'; which: number };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }), name: names }),
  fc.record({ kind: fc.constant('rename' as const), which: fc.nat(), name: names }),
  fc.record({ kind: fc.constant('stale' as const), which: fc.nat() }),
);

async function serviceOver(source: string, anchors: string) {
  const workspace = new MemoryWorkspace([ROOT], { 'sources/001_a.txt': source, 'sources/001_a.anchors.yaml': anchors });
  const service = createNotesService({ workspace });
  await service.initialize();
  return service;
}

/** Runs one edit; the edits to the anchor file and what the edited anchor must read as, or undefined when refused. */
async function run(
  text: string,
  before: Map<string, [string, string | undefined, string | undefined]>,
  e: Edit,
): Promise<{ edits: TextEdit[]; expect: Map<string, [string, string | undefined, string | undefined]> } | undefined> {
  const keys = [...before.keys()];
  try {
    if (e.kind === 'create') {
      const service = await serviceOver(SOURCE, text);
      const start = e.at % SOURCE.length;
      const end = Math.min(SOURCE.length, start + e.length);
      const lines = new LineIndex(SOURCE);
      const r = await service.createAnchor(SRC, { start: lines.positionAt(start), end: lines.positionAt(end) }, e.name);
      const added = anchorsOf(applyEdits(text, r.edits));
      assert.ok(added instanceof Map, `Create Anchor broke the file:\n${JSON.stringify(text)}\n${String(added)}`);
      const expect = new Map(before);
      expect.set(e.name, added.get(e.name)!);
      assert.equal(added.get(e.name)?.[0], SOURCE.slice(start, end).trim().replace(/\s+/g, ' '), 'the new anchor quotes the selection');
      return { edits: r.edits, expect };
    }
    if (e.kind === 'rename') {
      const from = keys[e.which % keys.length]!;
      const service = await serviceOver(SOURCE, text);
      const def = service.view.anchorFile(ANCHORS)!.anchors.find((a) => a.key === from)!;
      const { edits } = await service.rename(ANCHORS, new LineIndex(text).positionAt(def.keySpan.start), e.name);
      const expect = new Map([...before].map(([k, v]) => [k === from ? e.name : k, v]));
      return { edits, expect };
    }
    // The source changes under one anchor: its first word loses a letter; the GN005 fix writes what is there now.
    const stale = keys[e.which % keys.length]!;
    const quote = before.get(stale)![0];
    const at = SOURCE.indexOf(quote);
    const changed = SOURCE.slice(0, at) + SOURCE.slice(at + 1);
    const service = await serviceOver(changed, text);
    const problem = service
      .allProblems()
      .get(ANCHORS)
      ?.find((p) => p.code === 'GN005' && p.message.startsWith(`Anchor \`${stale}\``));
    const fix = problem?.fixes?.[0];
    if (!fix) return undefined; // lost rather than stale, or another anchor now matches
    const fixed = anchorsOf(applyEdits(text, fix.edits));
    assert.ok(fixed instanceof Map, `the GN005 fix broke the file:\n${JSON.stringify(text)}\n${String(fixed)}`);
    const expect = new Map(before);
    expect.set(stale, [fixed.get(stale)![0], before.get(stale)![1], before.get(stale)![2]]);
    assert.ok(changed.replace(/\s+/g, ' ').includes(fixed.get(stale)![0]), 'the fixed quote is the source’s text, white space collapsed');
    return { edits: fix.edits, expect };
  } catch (err) {
    if (err instanceof NotesError) return undefined; // refused: a taken, invalid or built-in name, or a flow-style file
    throw err;
  }
}

describe('property: edits to anchor files keep them valid', function () {
  this.timeout(120_000);

  it('random valid anchor files × Create Anchor, rename and the GN005 fix: valid YAML, other anchors unchanged', async () => {
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(anchorFile, edit, async (text, e) => {
        const before = anchorsOf(text);
        fc.pre(before instanceof Map);
        const done = await run(text, before as Map<string, [string, string | undefined, string | undefined]>, e);
        if (!done) return;
        applied++;
        const after = anchorsOf(
          applyEdits(
            text,
            done.edits.filter((x) => x.uri === ANCHORS),
          ),
        );
        assert.ok(after instanceof Map, `${e.kind} broke the file:\n${JSON.stringify(text)}\n${String(after)}`);
        assert.deepEqual(after, done.expect, `${e.kind} changed other anchors of:\n${JSON.stringify(text)}`);
      }),
      { seed: PROPERTY_SEED, numRuns: 600 },
    );
    assert.ok(applied > 200, `only ${applied} edits were made`);
  });
});

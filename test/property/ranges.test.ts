/**
 * Every range the service hands out lies inside its document: diagnostics (and their
 * fixes' edits), hovers, document links, symbols, completions, definitions and code
 * lenses, for random notes over the example sources (examples/briefings).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createNotesService, MemoryWorkspace } from '../../server/src/core/index.js';
import type { NotesService } from '../../server/src/core/api.js';
import type { Range } from '../../server/src/core/types.js';
import { LineIndex, computeLineStarts } from '../../server/src/core/text.js';
import { exampleFiles } from '../helpers/fixture.js';
import { note } from './gen.js';
import { PROPERTY_SEED } from './seed.js';

const ROOT = 'memory:///ws';
const NOTE = `${ROOT}/notes/generated.md`;

/** Lines of a text without their terminators (`\n`, `\r\n`, `\r`). */
function lineLengths(text: string): number[] {
  const starts = computeLineStarts(text);
  return starts.map((s, i) => {
    const next = i + 1 < starts.length ? starts[i + 1]! : text.length;
    let end = next;
    if (end > s && text[end - 1] === '\n') end--;
    if (end > s && text[end - 1] === '\r') end--;
    return end - s;
  });
}

const citationOfExample = fc.oneof(
  fc
    .constantFrom('000', '002', '000_73692c68c32165cb', '001', 'reading list', 'dates')
    .chain((id) =>
      fc
        .constantFrom(
          '',
          '#kirby-briefing',
          '#macron-no-compromise',
          '#what-next',
          '#p1',
          '#p3',
          '#p17',
          '#p99',
          '#L1',
          '#L5-L7',
          '#L9-L3',
          '#"John Kirby clarified"',
          '#"not there"',
          '#biden-october-8',
        )
        .map((a) => `[[${id}${a}]]`),
    ),
  fc.constantFrom(
    'Macron said France would "never urge Ukrainians to make compromises" [[002#macron-no-compromise]].',
    'AP reported on December 10, 2021 [[000#p17]].',
    'On Wednesday, October 8 the talks began [[000]].',
    'It happened on April 31, 2022.',
    '"John Kirby clarified" it [[002]].',
  ),
);

const generatedNote = fc
  .tuple(note({ crlf: true }), fc.array(citationOfExample, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 6 }))
  .map(([n, extra, at]) => {
    // Splices example citations into the generated text at random places.
    let text = n.text;
    extra.forEach((c, i) => {
      const p = text.length === 0 ? 0 : (at[i] ?? 0) % (text.length + 1);
      text = text.slice(0, p) + c + text.slice(p);
    });
    return text;
  });

describe('property: every range lies inside its document', function () {
  this.timeout(60000);
  let service: NotesService;
  let workspace: MemoryWorkspace;
  let version = 0;

  before(async () => {
    workspace = new MemoryWorkspace([ROOT], exampleFiles());
    service = createNotesService({ workspace });
    await service.initialize();
  });

  function textOf(uri: string): string {
    const t = service.view.text(uri) ?? workspace.files.get(uri);
    assert.ok(t !== undefined, `text of ${uri}`);
    return t;
  }

  function assertInside(uri: string, range: Range, what: string): void {
    const lengths = lineLengths(textOf(uri));
    for (const [name, p] of [
      ['start', range.start],
      ['end', range.end],
    ] as const) {
      assert.ok(p.line >= 0 && p.line < lengths.length, `${what}: ${name} line ${p.line} of ${lengths.length} in ${uri}`);
      assert.ok(
        p.character >= 0 && p.character <= lengths[p.line]!,
        `${what}: ${name} character ${p.character} > line length ${lengths[p.line]} in ${uri}`,
      );
    }
    assert.ok(
      range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character),
      `${what}: start after end`,
    );
  }

  it('diagnostics, fixes, hovers, links, symbols, completions, definitions and lenses', () => {
    fc.assert(
      fc.property(generatedNote, fc.array(fc.nat(), { minLength: 3, maxLength: 6 }), (text, probes) => {
        service.openDocument(NOTE, text, ++version);
        const lines = new LineIndex(text);
        for (const [uri, problems] of service.allProblems()) {
          for (const p of problems) {
            assertInside(uri, p.range, `${p.code} diagnostic`);
            for (const fix of p.fixes ?? []) for (const e of fix.edits) assertInside(e.uri, e.range, `${p.code} fix edit`);
            for (const r of p.related ?? []) assertInside(r.uri, r.range, `${p.code} related`);
          }
        }
        // Every citation's start, middle and end, plus random offsets.
        const offsets = service.view.note(NOTE)!.citations.flatMap((c) => [c.start, (c.start + c.end) >> 1, c.end]);
        for (const n of probes) offsets.push(text.length === 0 ? 0 : n % (text.length + 1));
        for (const o of offsets) {
          const position = lines.positionAt(o);
          const h = service.hover(NOTE, position);
          if (h) assertInside(NOTE, h.range, 'hover');
          for (const item of service.completion(NOTE, position)) assertInside(NOTE, item.range, 'completion');
          for (const d of service.definition(NOTE, position)) {
            assertInside(NOTE, d.originSelectionRange, 'definition origin');
            assertInside(d.targetUri, d.targetRange, 'definition target');
            assertInside(d.targetUri, d.targetSelectionRange, 'definition selection');
          }
        }
        for (const l of service.documentLinks(NOTE)) assertInside(NOTE, l.range, 'document link');
        for (const s of service.documentSymbols(NOTE)) {
          assertInside(NOTE, s.range, 'symbol');
          assertInside(NOTE, s.selectionRange, 'symbol selection');
        }
        for (const l of service.codeLenses(NOTE)) assertInside(NOTE, l.range, 'code lens');
      }),
      { seed: PROPERTY_SEED, numRuns: 250 },
    );
  });

  it('line starts: found by search where only `\n` ends lines, as a character-by-character reading finds them', () => {
    /** Each line's start: after `\n`, after `\r\n`, or after `\r` alone. */
    const byCharacter = (text: string): number[] => {
      const starts = [0];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '\r' && text[i + 1] === '\n') i++;
        if (text[i] === '\r' || text[i] === '\n') starts.push(i + 1);
      }
      return starts;
    };
    const pieces = fc.constantFrom('a', 'bc', ' ', '\n', '\n\n', '\r\n', '\r', 'é', '\u2028');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (ps) => {
        const text = ps.join('');
        assert.deepEqual(computeLineStarts(text), byCharacter(text), JSON.stringify(text));
        assert.deepEqual(new LineIndex(text).lineStarts, byCharacter(text));
      }),
      { seed: PROPERTY_SEED, numRuns: 5000 },
    );
  });

  it('the example sources and anchor files: symbols, lenses and problems', () => {
    for (const uri of workspace.files.keys()) {
      for (const s of service.documentSymbols(uri)) assertInside(uri, s.range, 'symbol');
      for (const l of service.codeLenses(uri)) assertInside(uri, l.range, 'code lens');
    }
    for (const s of service.workspaceSymbols('')) assertInside(s.uri, s.range, 'workspace symbol');
  });
});

/**
 * Properties of `parseNote` on random Markdown built from pieces: it never throws,
 * every citation slices back to its raw text, and no citation is read inside the code,
 * comments or front matter the generator placed. The lexical reading (used for text
 * nested over 100 containers deep) agrees with the remark reading on reasonable Markdown.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseNote } from '../../server/src/core/parse/note.js';
import { lexicalExclusions } from '../../server/src/core/parse/lexical.js';
import { scanCitations } from '../../server/src/core/parse/citations.js';
import { note } from './gen.js';
import { PROPERTY_SEED } from './seed.js';

const URI = 'memory:///ws/notes/gen.md';

describe('property: parseNote on generated Markdown', function () {
  this.timeout(60000);

  it('never throws; citations slice back to their raw text; none inside placed code, comments or front matter', () => {
    fc.assert(
      fc.property(note(), ({ text, hidden }) => {
        const parsed = parseNote(URI, text);
        assert.equal(parsed.length, text.length);
        let previousEnd = 0;
        for (const c of parsed.citations) {
          const raw = text.slice(c.start, c.end);
          if (!c.form) assert.ok(raw.startsWith('[['), `raw starts with [[: ${JSON.stringify(raw)}`);
          if (c.form === 'markdown') assert.match(raw, /^!?\[[\s\S]*\]\([\s\S]*\)$/, `a Markdown link: ${JSON.stringify(raw)}`);
          assert.ok(c.start >= previousEnd, 'citations are sorted and disjoint');
          previousEnd = c.end;
          for (const s of [c.targetSpan, c.anchorSpan, c.labelSpan]) {
            if (!s) continue;
            assert.ok(c.start <= s.start && s.start <= s.end && s.end <= c.end, `part ${JSON.stringify(s)} inside ${JSON.stringify(c)}`);
          }
          if (!c.form) assert.equal(text.slice(c.targetSpan.start, c.targetSpan.end), c.target);
          if (c.anchorSpan && !c.form) assert.equal(text.slice(c.anchorSpan.start, c.anchorSpan.end), c.anchor);
          if (c.labelSpan) assert.equal(text.slice(c.labelSpan.start, c.labelSpan.end), c.label);
          assert.ok(c.paragraph.start <= c.start && c.end <= c.paragraph.end, 'the paragraph holds the citation');
          // A quoted `"[[…]]"` in front matter is a property link, as Obsidian reads it.
          const inside = c.form === 'property' ? undefined : hidden.find((h) => h.start <= c.start && c.start < h.end);
          assert.equal(
            inside,
            undefined,
            `citation ${JSON.stringify(raw)} at ${c.start} read inside ` +
              `placed ${JSON.stringify(inside && text.slice(inside.start, inside.end))}`,
          );
        }
        for (const h of parsed.headings) assert.ok(h.start <= h.end && h.end <= text.length);
      }),
      { seed: PROPERTY_SEED, numRuns: 400 },
    );
  });

  it('the lexical reading excludes the same citations as the remark reading (reasonable Markdown)', () => {
    // Restricted to what the lexical reading models (see lexical.ts): no indented code
    // blocks (in deeply nested text indentation is container content), no fences inside
    // containers (the lexical reading only sees fences at the margin), no backslash
    // escapes, and no stray single backticks (they are modelled, but a stray backtick
    // pairing across a list marker or heading line differs between a blank-line
    // paragraph and a CommonMark paragraph).
    const reasonable = note({ indentedCode: false, nestedFences: false, backslashes: false, strayBackticks: false, crlf: true });
    fc.assert(
      fc.property(reasonable, ({ text }) => {
        const remark = parseNote(URI, text)
          .citations.filter((c) => !c.form)
          .map((c) => `${c.start}:${text.slice(c.start, c.end)}`);
        const lexical = scanCitations(text, lexicalExclusions(text).excluded).map((c) => `${c.start}:${text.slice(c.start, c.end)}`);
        assert.deepEqual(lexical, remark);
      }),
      { seed: PROPERTY_SEED, numRuns: 400 },
    );
  });
});

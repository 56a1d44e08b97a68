/**
 * Generators of Markdown notes built from pieces, each piece knowing where it placed
 * citations that must not be read as citations (code spans, code blocks, HTML
 * comments, front matter).
 */
import fc from 'fast-check';
import type { Span } from '../../server/src/core/types.js';

/** A piece of text plus the spans (relative to it) where no citation may be found. */
export interface Piece {
  text: string;
  hidden: Span[];
}

export interface GeneratedNote {
  text: string;
  /** Spans holding a `[[` that the note's syntax hides (code, comments, front matter). */
  hidden: Span[];
}

const ids = fc.constantFrom('000', '002', '001', 'abc', 'Note Name', 'reading list', 'x_y', 'ÄÖ', '日本', '');
const anchors = fc.constantFrom(
  'kirby-briefing',
  'p1',
  'p3',
  'L1',
  'L2-L4',
  'L9-L3',
  'L0',
  'what-next',
  '',
  'no-such',
  '"John Kirby clarified"',
  '\u201cKirby | said\u201d',
  '"unterminated',
  "'single'",
  'a#b',
);
const labels = fc.constantFrom('label', 'Kirby', '', 'a | b', 'ünïcødé', '😀');

/** One citation in any form (well formed or not), never containing a backtick or newline. */
export const citation: fc.Arbitrary<string> = fc.oneof(
  ids.map((id) => `[[${id}]]`),
  fc.tuple(ids, anchors).map(([id, a]) => `[[${id}#${a}]]`),
  fc.tuple(ids, anchors, labels).map(([id, a, l]) => `[[${id}#${a}|${l}]]`),
  fc.tuple(ids, labels).map(([id, l]) => `[[${id}|${l}]]`),
  fc.tuple(ids, anchors).map(([id, a]) => `[[ ${id} # ${a} ]]`),
);

const words = fc.constantFrom(
  'The',
  'minister',
  'said',
  'on',
  'Wednesday, October 8',
  'December 9, 2021',
  '“quoted words”',
  '"never urge"',
  '…',
  '--',
  '—',
  'é',
  '😀',
  '日本語',
  'ب',
  'a\u0301',
  '*em*',
  '_u_',
  '**b**',
  '\\*',
  '&amp;',
  '<b>',
);
/** Loose characters that stress the scanners (no backticks: see `strays`). */
const loose = fc.constantFrom('[', ']', '[[', ']]', '[x]', '[[]', '|', '#', '(', ')', '!', '[a](b)', '<', '>', '<!', '-->');

/** Inline prose: words, citations, loose characters. */
function prose(opts: { strayBackticks: boolean; backslashes: boolean }): fc.Arbitrary<string> {
  const parts: fc.Arbitrary<string>[] = [words, words, citation, loose];
  if (opts.strayBackticks) parts.push(fc.constant('`'));
  return fc.array(fc.oneof(...parts), { minLength: 1, maxLength: 8 }).map((xs) => {
    const s = xs.join(' ');
    return opts.backslashes ? s : s.replace(/\\/g, '');
  });
}

const hiddenInner = fc.array(fc.oneof(citation, words), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(' '));

/** A code span with a double or triple backtick run (a stray single backtick cannot close it). */
const codeSpan: fc.Arbitrary<Piece> = fc.tuple(fc.constantFrom('``', '```'), hiddenInner).map(([run, inner]) => {
  const text = `${run} ${inner} ${run}`;
  return { text, hidden: [{ start: 0, end: text.length }] };
});

const inlineComment: fc.Arbitrary<Piece> = hiddenInner.map((inner) => {
  const text = `<!-- ${inner} -->`;
  return { text, hidden: [{ start: 0, end: text.length }] };
});

function concat(pieces: (Piece | string)[], sep: string): Piece {
  let text = '';
  const hidden: Span[] = [];
  pieces.forEach((p, i) => {
    if (i > 0) text += sep;
    if (typeof p === 'string') text += p;
    else {
      for (const h of p.hidden) hidden.push({ start: text.length + h.start, end: text.length + h.end });
      text += p.text;
    }
  });
  return { text, hidden };
}

/** A line of inline content: prose with code spans and comments among it. */
function inline(opts: { strayBackticks: boolean; backslashes: boolean }): fc.Arbitrary<Piece> {
  return fc
    .array(fc.oneof({ weight: 3, arbitrary: prose(opts) }, { weight: 1, arbitrary: codeSpan }, { weight: 1, arbitrary: inlineComment }), {
      minLength: 1,
      maxLength: 5,
    })
    .map((xs) => concat(xs, ' '));
}

function prefixLines(piece: Piece, prefix: string): Piece {
  // Prefixes the first line only: the rest are lazy continuation lines in both readings.
  return { text: prefix + piece.text, hidden: piece.hidden.map((h) => ({ start: h.start + prefix.length, end: h.end + prefix.length })) };
}

export interface GenOptions {
  /** Indented code blocks (the lexical reading does not model them). */
  indentedCode: boolean;
  /** Fenced code inside list items and block quotes. */
  nestedFences: boolean;
  /** Single backticks that open no code span. */
  strayBackticks: boolean;
  /** Backslash escapes (the lexical reading does not model them). */
  backslashes: boolean;
  /** Line endings to use. */
  crlf: boolean;
}

const fullOptions: GenOptions = { indentedCode: true, nestedFences: true, strayBackticks: true, backslashes: true, crlf: false };

function block(o: GenOptions): fc.Arbitrary<Piece> {
  const line = inline(o);
  const fenced = fc
    .tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'md', 'text'), fc.array(hiddenInner, { minLength: 1, maxLength: 3 }))
    .map(([fence, info, body]) => {
      const text = `${fence}${info}\n${body.join('\n')}\n${fence}`;
      return { text, hidden: [{ start: 0, end: text.length }] };
    });
  const options: fc.Arbitrary<Piece>[] = [
    line,
    line,
    fc.tuple(line, line).map(([a, b]) => concat([a, b], '\n')),
    fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([n, l]) => prefixLines(l, '#'.repeat(n) + ' ')),
    fc.tuple(fc.constantFrom('- ', '* ', '1. ', '> ', '> > ', '- > ', '  - '), line).map(([p, l]) => prefixLines(l, p)),
    fc.array(line, { minLength: 2, maxLength: 3 }).map((ls) =>
      concat(
        ls.map((l) => prefixLines(l, '- ')),
        '\n',
      ),
    ),
    fenced,
    hiddenInner.map((inner) => {
      const text = `<!--\n${inner}\n-->`;
      return { text, hidden: [{ start: 0, end: text.length }] };
    }),
    fc.constantFrom('[[', '[[002#kirby', '[[002#"open quote', ']]', '`', '``', '[[[[', '***', '---').map((text) => ({ text, hidden: [] })),
  ];
  if (o.indentedCode) {
    options.push(
      hiddenInner.map((inner) => {
        // After a paragraph at the margin: right after a list item it would be the item's text.
        const lead = 'Para.\n\n';
        const text = `${lead}    ${inner}`;
        return { text, hidden: [{ start: lead.length, end: text.length }] };
      }),
    );
  }
  if (o.nestedFences) {
    options.push(
      fc.tuple(fc.constantFrom('> ', '- '), hiddenInner).map(([p, inner]) => {
        const cont = p === '> ' ? '> ' : '  ';
        const text = `${p}\`\`\`\n${cont}${inner}\n${cont}\`\`\``;
        return { text, hidden: [{ start: p.length, end: text.length }] };
      }),
    );
  }
  return fc.oneof(...options);
}

const frontMatter: fc.Arbitrary<Piece> = fc
  .tuple(hiddenInner, fc.constantFrom('date: 2021-12-07', 'title: A [[note]]', 'tags: [a, b]'))
  .map(([inner, extra]) => {
    const text = `---\nsee: "${inner.replace(/"/g, "'")}"\n${extra}\n---`;
    return { text, hidden: [{ start: 0, end: text.length }] };
  });

/** A note: optional front matter, blocks separated by blank lines, optional unterminated `[[` at the end. */
export function note(partial: Partial<GenOptions> = {}): fc.Arbitrary<GeneratedNote> {
  const o = { ...fullOptions, ...partial };
  return fc
    .tuple(
      fc.option(frontMatter, { nil: undefined }),
      fc.array(block(o), { minLength: 0, maxLength: 8 }),
      fc.constantFrom('', '\n', '\n\n[[002#tail', '\n\n[[', ' [[002#tail', '[['),
      fc.boolean(),
    )
    .map(([fm, blocks, tail, crlf]) => {
      // A tail on the closing line of front matter would unmake the front matter.
      if (blocks.length === 0 && fm && !tail.startsWith('\n')) tail = '';
      const piece = concat(fm ? [fm, ...blocks] : blocks, '\n\n');
      let { text } = piece;
      let hidden = piece.hidden;
      text += tail;
      if (o.crlf && crlf) {
        // Maps offsets through the \n → \r\n rewrite.
        const shift = (off: number) => off + (text.slice(0, off).match(/\n/g)?.length ?? 0);
        hidden = hidden.map((h) => ({ start: shift(h.start), end: shift(h.end) }));
        text = text.replace(/\n/g, '\r\n');
      }
      return { text, hidden };
    });
}

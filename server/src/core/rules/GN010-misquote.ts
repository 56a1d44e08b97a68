/** GN010: quoted words, in a sentence that cites a passage, that the passage does not hold. */
import { closestWording, normalizedSpan, quotationsIn, quoteOccurs } from '../quotes/misquote.js';
import { firstAtLeast, overlapsOneOf } from '../text.js';
import type { SourceText } from '../sourceText.js';
import type { Passage, Problem, Span } from '../types.js';
import type { Rule } from './rule.js';

/** Where a quotation citing `passage` must be found: the passage, its paragraph for one sentence, the whole source without an anchor. */
function scopeOf(derived: SourceText, passage: Passage): Span {
  if (passage.kind === 'whole') return { start: 0, end: derived.source.text.length };
  const para = derived.paragraphAt(passage.start);
  if (para && passage.kind !== 'paragraph') {
    const sentences = derived.sentencesOf(para).filter((s) => s.start < passage.end && passage.start < s.end);
    if (sentences.length <= 1) return { start: para.start, end: para.end };
  }
  return { start: passage.start, end: passage.end };
}

/** True when one of the sorted offsets `marks` lies in `span`. */
function holdsMark(marks: readonly number[], span: Span): boolean {
  const i = firstAtLeast(marks, span.start);
  return i < marks.length && marks[i]! < span.end;
}

export const misquote: Rule = {
  code: 'GN010',
  name: 'misquote',
  defaultSeverity: 'warning',
  description:
    'Words in quotation marks, in a sentence that carries a citation, that do not occur in the ' +
    'cited passage (for a one-sentence anchor: in its paragraph; without an anchor: anywhere in the ' +
    'source), after normalising white space, typographic quotes and dashes. `…` or `...` may stand ' +
    'for omitted words; `[sic]` and bracketed insertions are allowed. The message shows the closest ' +
    "wording in the source; the fix puts in the source's exact words.",
  example:
    'Macron said France would "never urge Ukrainians to make compromises" ' +
    '[[002#macron-no-compromise]] → Misquote: the source says “never urge the Ukrainians to make a ' +
    'compromise”',
  checkNote(note, view) {
    const text = view.text(note.uri);
    const lines = view.lines(note.uri);
    if (text === undefined || !lines || note.citations.length === 0) return [];
    // Only citations of sources carry quotations to check: a note citing none (every note of a
    // vault without sources) is not searched for quotation marks.
    if (!view.resolutionsOf(note).some((r) => r.kind === 'source')) return [];
    // Where the quotation marks are: a citation's sentence lies in its paragraph, so a
    // paragraph without an opening mark holds no quotation and is not segmented.
    const marks = Array.from(text.matchAll(/["\u201c]/g), (m) => m.index);
    if (marks.length === 0) return [];
    const out: Problem[] = [];
    const seen = new Set<number>();
    // Citations grouped by sentence, once: a line of thousands of citations must not be
    // rescanned per citation (that was cubic).
    const bySentence = new Map<string, typeof note.citations>();
    for (const c of note.citations) {
      if (!holdsMark(marks, c.paragraph)) continue;
      // Only citations of sources carry quotations to check; a sentence is segmented only for them.
      if (view.resolve(note, c).kind !== 'source') continue;
      const sentence = view.sentenceOf(note, c);
      const key = `${sentence.start}:${sentence.end}`;
      const group = bySentence.get(key);
      if (group) group.push(c);
      else bySentence.set(key, [c]);
    }
    for (const cited of bySentence.values()) {
      const c = cited[0]!;
      const quotes = quotationsIn(text, view.sentenceOf(note, c)).filter((q) => !seen.has(q.start) && !overlapsOneOf(note.citations, q));
      if (quotes.length === 0) continue;
      // Every citation in the sentence may be the one the quotation comes from.
      const targets = cited
        .map((x) => view.resolve(note, x))
        .flatMap((r) => (r.kind === 'source' && !r.passage.stale?.lost ? [{ source: r.source, passage: r.passage }] : []));
      if (targets.length === 0) continue;
      for (const q of quotes) {
        seen.add(q.start);
        const quote = text.slice(q.start, q.end);
        if (quote.trim().split(/\s+/).length < 2) continue; // single words in quotes are scare quotes more often than quotations
        const found = targets.some(({ source, passage }) => {
          const derived = view.sourceText(source);
          const n = derived.normalized();
          const s = normalizedSpan(n, scopeOf(derived, passage));
          return quoteOccurs(n.text.slice(s.start, s.end), quote);
        });
        if (found) continue;
        const { source, passage } = targets[0]!;
        const derived = view.sourceText(source);
        const n = derived.normalized();
        const closest = closestWording(n, normalizedSpan(n, scopeOf(derived, passage)), quote);
        const words = closest ? source.text.slice(closest.span.start, closest.span.end).replace(/\s+/g, ' ') : undefined;
        const p: Problem = {
          uri: note.uri,
          range: lines.range(q),
          code: misquote.code,
          message: words
            ? `Misquote: “${quote}” is not in the cited passage of source ${source.id}; the source says “${words}”`
            : `Misquote: “${quote}” is not in the cited passage of source ${source.id}`,
        };
        if (words && !/\.\.\.|\u2026|\[/.test(quote)) {
          p.fixes = [
            {
              title: `Quote the source exactly: “${words.length > 60 ? words.slice(0, 59) + '…' : words}”`,
              isPreferred: true,
              edits: [{ uri: note.uri, range: lines.range(q), newText: words }],
            },
          ];
        }
        if (closest)
          p.related = [
            { uri: source.uri, range: view.lines(source.uri)!.range(closest.span), message: 'The closest wording in the source' },
          ];
        out.push(p);
      }
    }
    return out;
  },
};

/** GN022: a note dates a statement differently from the passage it cites. */
import { formatDate, formatWithWeekday, mentionsIn, noteDates, sameDay, sourceDates } from '../dates/index.js';
import type { DateAnalysis } from '../dates/index.js';
import type { DateMention } from '../dates/types.js';
import { sentenceAt } from '../dates/segment.js';
import { lastStartingAtOrBefore } from '../text.js';
import type { Citation, Passage, Problem, Span } from '../types.js';
import type { Rule } from './rule.js';
import { judgeDates } from './dateJudgments.js';

/**
 * A note sentence holding more dates than this is a list or a table, not one statement:
 * its dates are not paired with a passage's (each citation of a 1 MB run-on sentence of
 * dates compared all of them: 7 s at 256 KB).
 */
const MAX_SENTENCE_DATES = 12;

/** The sentences (as the date checks split them) that a span touches, as one span. */
function sentencesOver(analysis: DateAnalysis, span: Span): Span {
  const s = analysis.sentences;
  let i = Math.max(0, lastStartingAtOrBefore(s, span.start));
  if (s[i] && s[i]!.end <= span.start) i++;
  let j = i;
  while (j + 1 < s.length && s[j + 1]!.start < span.end) j++;
  return { start: Math.min(span.start, s[i]?.start ?? span.start), end: Math.max(span.end, s[j]?.end ?? span.end) };
}

/**
 * The note sentence of each citation, split as the date checks split sentences (an
 * abbreviation such as "P.M." does not end it); a citation written after the full stop
 * (`… at 5:00 P.M. ET. [[002#x]]`) belongs to the sentence before it. One pass over the
 * citations in order: only the text between a citation and the one before it is read,
 * and only the blocks that hold citations are split.
 */
function citingSentences(text: string, analysis: DateAnalysis, citations: readonly Citation[], fallback: (c: Citation) => Span): Span[] {
  const near = analysis.sentencesNear;
  const out: Span[] = [];
  let sentence = -1;
  let leading = false;
  let from = 0;
  for (const c of citations) {
    const here = near.at(c.start);
    if (!here) {
      out.push(fallback(c));
      continue;
    }
    if (here.start !== sentence) [sentence, leading, from] = [here.start, true, here.start];
    // Still only citations since the sentence began: this one closes the sentence before.
    leading = leading && text.slice(from, c.start).trim() === '';
    from = c.end;
    // The sentence before starts where the one before `here` does (`here`'s own start when it is the first).
    out.push({ start: leading ? near.startBefore(c.start, 1, 0) : here.start, end: Math.max(here.end, c.end) });
  }
  return out;
}

/** The explicit dates of a passage's sentences that its source does not itself flag. */
function passageDates(analysis: DateAnalysis, passage: Passage, flagged: Set<number>): DateMention[] {
  return mentionsIn(analysis.mentions, sentencesOver(analysis, passage)).filter(
    (m) => m.kind === 'date' && m.resolved && !flagged.has(m.start),
  );
}

function words(s: string): Set<string> {
  return new Set(
    (s.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter(
      (w) => !/^(?:that|this|with|from|have|said|were|will|which|their|there|about|after|before)$/.test(w),
    ),
  );
}

/** For each note date that no passage date equals, the passage date that dates the same statement. */
function counterparts(
  noteText: string,
  noteSentence: Span,
  source: { text: string; analysis: DateAnalysis },
  own: DateMention[],
  theirs: DateMention[],
): [DateMention, DateMention][] {
  const lonelyNote = own.filter((n) => !theirs.some((p) => sameDay(p.resolved!, n.resolved!)));
  const lonelyPassage = theirs.filter((p) => !own.some((n) => sameDay(p.resolved!, n.resolved!)));
  if (lonelyNote.length === 0 || lonelyPassage.length === 0) return [];
  // As many on each side ("from March 3 through March 5" against "March 3 to March 6"): in order.
  if (lonelyNote.length === lonelyPassage.length) return lonelyNote.map((n, i) => [n, lonelyPassage[i]!]);
  if (lonelyPassage.length === 1) return lonelyNote.length === 1 ? [[lonelyNote[0]!, lonelyPassage[0]!]] : [];
  // Else the passage date whose sentence shares most words with the note's sentence.
  const mine = words(noteText.slice(noteSentence.start, noteSentence.end));
  return lonelyNote.map((n) => {
    let best = lonelyPassage[0]!;
    let bestScore = -1;
    for (const p of lonelyPassage) {
      const s = sentenceAt(source.analysis.sentences, p.start) ?? p;
      let score = 0;
      for (const w of words(source.text.slice(s.start, Math.min(s.end, s.start + 600)))) if (mine.has(w)) score++;
      if (score > bestScore) [best, bestScore] = [p, score];
    }
    return [n, best] as [DateMention, DateMention];
  });
}

export const dateContradictsSource: Rule = {
  code: 'GN022',
  name: 'date-contradicts-source',
  defaultSeverity: 'warning',
  sourceSeverity: 'information',
  description:
    'A note sentence that cites a passage gives a date for a statement, and the cited passage dates ' +
    'that statement differently. Each date of the sentence is compared (a range’s two ends with the ' +
    'passage’s two ends); the fix offers the passage’s date for that statement.',
  example:
    '"AP reported on December 10, 2021 [[000#p17]]" where paragraph 17 says "Thursday, December 9" ' +
    '→ The cited passage dates this to Thursday, December 9, 2021; the note says December 10, 2021',
  checkNote(note, view) {
    const lines = view.lines(note.uri);
    const text = view.text(note.uri);
    if (!lines || text === undefined || note.citations.length === 0) return [];
    // Without a cited source there is no passage to compare with (nor its sentences to split).
    if (!view.resolutionsOf(note).some((r) => r.kind === 'source')) return [];
    const analysis = noteDates(view, note);
    const own = analysis.mentions.filter((m) => m.kind === 'date' && m.resolved);
    if (own.length === 0) return [];
    const out: Problem[] = [];
    const sentences = citingSentences(text, analysis, note.citations, (c) => view.sentenceOf(note, c));
    const flaggedIn = new Map<string, Set<number>>();
    for (const [k, c] of note.citations.entries()) {
      const r = view.resolve(note, c);
      if (r.kind !== 'source' || r.passage.kind === 'whole' || r.passage.stale?.lost) continue;
      const inSentence = mentionsIn(own, sentences[k]!, MAX_SENTENCE_DATES);
      if (inSentence.length === 0 || inSentence.length > MAX_SENTENCE_DATES) continue;
      const source = sourceDates(view, r.source);
      let flagged = flaggedIn.get(r.source.uri);
      if (!flagged) flaggedIn.set(r.source.uri, (flagged = new Set(judgeDates(r.source.text, source).map((f) => f.span.start))));
      const theirs = passageDates(source, r.passage, flagged);
      for (const [n, p] of counterparts(text, sentences[k]!, { text: r.source.text, analysis: source }, inSentence, theirs)) {
        const replacement = n.weekday ? formatWithWeekday(p.resolved!, !!n.year) : formatDate(p.resolved!, !!n.year);
        out.push({
          uri: note.uri,
          range: lines.range(n),
          code: dateContradictsSource.code,
          message:
            `The cited passage dates this to ${formatWithWeekday(p.resolved!)} ` +
            `(“${p.text.trim().replace(/\s+/g, ' ')}” in source ${r.source.id}); the note ` +
            `says ${formatDate(n.resolved!)}`,
          fixes: [
            {
              title: `Change to ${replacement}`,
              isPreferred: true,
              edits: [{ uri: note.uri, range: lines.range(n), newText: replacement }],
            },
          ],
          related: [{ uri: r.source.uri, range: view.lines(r.source.uri)!.range(p), message: 'The date in the cited passage' }],
        });
      }
    }
    return out;
  },
};

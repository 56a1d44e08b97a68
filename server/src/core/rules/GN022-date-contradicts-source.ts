/** GN022: a note dates a statement differently from the passage it cites. */
import { formatDate, formatWithWeekday, sameDay, sourceDates, noteDates } from '../dates/index.js';
import type { DateMention } from '../dates/types.js';
import { sourceSentencesIn } from '../parse/sentences.js';
import { paragraphAt } from '../features/passage.js';
import type { Passage, Problem, SourceIndex } from '../types.js';
import type { Rule } from './rule.js';

/** The explicit, weekday-consistent dates in the sentences a passage covers. */
function passageDates(source: SourceIndex, passage: Passage, mentions: DateMention[]): DateMention[] {
  const para = paragraphAt(source, passage.start);
  const sentences = para ? sourceSentencesIn(source.text, para).filter((s) => s.start < passage.end && passage.start < s.end) : [];
  const from = Math.min(passage.start, sentences[0]?.start ?? passage.start);
  const to = Math.max(passage.end, sentences[sentences.length - 1]?.end ?? passage.end);
  return mentions.filter((m) => m.kind === 'date' && m.resolved && m.start >= from && m.end <= to);
}

export const dateContradictsSource: Rule = {
  code: 'GN022',
  name: 'date-contradicts-source',
  defaultSeverity: 'warning',
  sourceSeverity: 'information',
  description: 'A note sentence that cites a passage gives one date for its statement, and the cited passage gives a different one.',
  example: '"AP reported on December 10, 2021 [[000#p17]]" where paragraph 17 says "Thursday, December 9" → The cited passage dates this to Thursday, December 9, 2021; the note says December 10, 2021',
  checkNote(note, view) {
    const lines = view.lines(note.uri);
    const text = view.text(note.uri);
    if (!lines || text === undefined || note.citations.length === 0) return [];
    const own = noteDates(view, note).mentions.filter((m) => m.kind === 'date' && m.resolved);
    if (own.length === 0) return [];
    const out: Problem[] = [];
    for (const c of note.citations) {
      const r = view.resolve(note, c);
      if (r.kind !== 'source' || r.passage.kind === 'whole' || r.passage.stale?.lost) continue;
      const sentence = view.sentenceOf(note, c);
      const inSentence = own.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
      if (inSentence.length !== 1) continue;
      const n = inSentence[0]!;
      const analysis = sourceDates(view, r.source);
      const flagged = new Set(analysis.findings.map((f) => f.span.start));
      const theirs = passageDates(r.source, r.passage, analysis.mentions).filter((m) => !flagged.has(m.start));
      if (theirs.length === 0 || theirs.some((m) => sameDay(m.resolved!, n.resolved!))) continue;
      const p = theirs[0]!;
      const replacement = n.weekday ? formatWithWeekday(p.resolved!, !!n.year) : formatDate(p.resolved!, !!n.year);
      out.push({
        uri: note.uri,
        range: lines.range(n),
        code: 'GN022',
        message: `The cited passage dates this to ${formatWithWeekday(p.resolved!)} (“${p.text.trim().replace(/\s+/g, ' ')}” in source ${r.source.id}); the note says ${formatDate(n.resolved!)}`,
        fixes: [{ title: `Change to ${replacement}`, isPreferred: true, edits: [{ uri: note.uri, range: lines.range(n), newText: replacement }] }],
        related: [{ uri: r.source.uri, range: view.lines(r.source.uri)!.range(p), message: 'The date in the cited passage' }],
      });
    }
    return out;
  },
};

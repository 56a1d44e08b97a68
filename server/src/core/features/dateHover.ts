/** The hover on a date: the absolute date, what it was resolved against, the evidence, and what the date rules flag there. */
import { formatWithWeekday, WEEKDAY_NAMES, weekdayOf } from '../dates/calendar.js';
import { datesOf } from '../dates/index.js';
import type { DateMention } from '../dates/types.js';
import { dateFindings, findingsOver } from '../rules/dateJudgments.js';
import { lastStartingAtOrBefore } from '../text.js';
import type { DocUri, Span } from '../types.js';
import type { WorkspaceView } from '../view.js';
import { escapeMarkdown } from './locate.js';

const TENSE_WORDS = { '-1': 'past', '0': 'no tense', '1': 'future or scheduled' } as const;

/** The evidence line of the date hover: the governing verb, the weekday. */
function evidenceLine(m: DateMention): string | undefined {
  const e = m.evidence;
  if (!e) return undefined;
  const parts: string[] = [];
  if (e.verb?.verb)
    parts.push(`governing verb “${escapeMarkdown(e.verb.verb)}” (${TENSE_WORDS[String(e.verb.tense) as '-1' | '0' | '1']})`);
  if (m.kind === 'date' && m.weekday && m.resolved) {
    const written = WEEKDAY_NAMES[m.weekday.value]!;
    if (e.weekday === 'agrees') parts.push(`the weekday ${written} agrees`);
    else if (e.weekday === 'chose the year')
      parts.push(`the weekday ${written} agrees with ${m.resolved.y}, the year of ${escapeMarkdown(e.yearFrom ?? 'the context')}`);
    else parts.push(`the weekday ${written} disagrees: it was a ${WEEKDAY_NAMES[weekdayOf(m.resolved)]}`);
  }
  return parts.length > 0 ? `Evidence: ${parts.join(' · ')}` : undefined;
}

/** Hover on a date: the absolute date, what it was resolved against, the evidence used. */
export function dateHover(view: WorkspaceView, uri: DocUri, offset: number): { markdown: string; span: Span } | undefined {
  const analysis = datesOf(view, uri);
  if (!analysis) return undefined;
  const m = analysis.mentions[lastStartingAtOrBefore(analysis.mentions, offset)];
  if (!m || offset > m.end || !m.resolved) return undefined;
  const reference = m.evidence?.reference ?? m.basis ?? 'the context';
  const basis = m.year
    ? 'as written'
    : m.evidence?.yearFrom && m.evidence.weekday !== 'chose the year'
      ? `year from ${m.evidence.yearFrom}`
      : `resolved against ${reference}`;
  const flagged = findingsOver(dateFindings(view, uri), m).map((f) => `⚠ ${escapeMarkdown(f.message)} (${f.code})`);
  const lines = [`**${formatWithWeekday(m.resolved)}** — ${escapeMarkdown(basis)}`, evidenceLine(m), ...flagged].filter(
    (x): x is string => !!x,
  );
  return { markdown: lines.join('\n\n'), span: { start: m.start, end: m.end } };
}

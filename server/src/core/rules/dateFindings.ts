/** The plumbing of the date rules: each judges a document's date facts, and its findings become problems. */
import { datesOf, noteMayHoldDateProblems } from '../dates/index.js';
import type { DateAnalysis, DateFinding } from '../dates/analyze.js';
import type { DocUri, Problem, Span } from '../types.js';
import type { WorkspaceView } from '../view.js';
import type { Rule } from './rule.js';

/** A rule over the facts of the date analysis (`dates/analyze.ts`). */
export interface DateRule extends Rule {
  /** The findings in a text whose date facts are `facts`, by start (findings of a text as a whole have span -1). */
  judge(text: string, facts: DateAnalysis): DateFinding[];
}

/** Findings per analysis (one per document version) and rule: rules, hovers and timelines ask for them again. */
const memo = new WeakMap<DateAnalysis, Map<DateRule, DateFinding[]>>();

/** The findings of `rule` for the analysis of `text`, sorted by start; computed once per analysis. */
export function judged(rule: DateRule, text: string, facts: DateAnalysis): DateFinding[] {
  let byRule = memo.get(facts);
  if (!byRule) memo.set(facts, (byRule = new Map()));
  let found = byRule.get(rule);
  if (!found) byRule.set(rule, (found = rule.judge(text, facts).sort((a, b) => a.span.start - b.span.start)));
  return found;
}

/** The text a document's dates were analysed in (a source's indexed text, a note's text). */
export function datedText(view: WorkspaceView, uri: DocUri): string | undefined {
  return view.source(uri)?.text ?? view.text(uri);
}

/** The problems `rule` finds in a document, with their fixes; `place` moves findings without a span (GN023). */
export function dateProblems(view: WorkspaceView, uri: DocUri, rule: DateRule, place?: () => Span | undefined): Problem[] {
  const note = view.note(uri);
  if (note && !noteMayHoldDateProblems(view, note)) return [];
  const analysis = datesOf(view, uri);
  const lines = view.lines(uri);
  const text = datedText(view, uri);
  if (!analysis || !lines || text === undefined) return [];
  const out: Problem[] = [];
  for (const f of judged(rule, text, analysis)) {
    const span = f.span.start < 0 ? place?.() : f.span;
    if (!span) continue;
    const p: Problem = { uri, range: lines.range(span), code: rule.code, message: f.message };
    if (f.fixes.length > 0)
      p.fixes = f.fixes.map((x, i) => ({
        title: x.title,
        edits: [{ uri, range: lines.range(x.span), newText: x.newText }],
        ...(i === 0 ? { isPreferred: true } : {}),
      }));
    if (f.related) p.related = f.related.map((r) => ({ uri, range: lines.range(r.span), message: r.message }));
    out.push(p);
  }
  return out;
}

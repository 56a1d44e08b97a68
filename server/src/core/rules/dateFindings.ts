/** Turns date findings of a note or source into problems of one code. */
import { datesOf } from '../dates/index.js';
import type { Code } from './rule.js';
import type { DocUri, Problem, Span } from '../types.js';
import type { WorkspaceView } from '../view.js';

/** The problems of `code` in a document, with their fixes; `place` moves findings without a span (GN023). */
export function dateProblems(view: WorkspaceView, uri: DocUri, code: Code, place?: () => Span | undefined): Problem[] {
  const analysis = datesOf(view, uri);
  const lines = view.lines(uri);
  if (!analysis || !lines) return [];
  const out: Problem[] = [];
  for (const f of analysis.findings) {
    if (f.code !== code) continue;
    const span = f.span.start < 0 ? place?.() : f.span;
    if (!span) continue;
    const p: Problem = { uri, range: lines.range(span), code, message: f.message };
    if (f.fixes.length > 0) p.fixes = f.fixes.map((x, i) => ({ title: x.title, edits: [{ uri, range: lines.range(x.span), newText: x.newText }], ...(i === 0 ? { isPreferred: true } : {}) }));
    if (f.related) p.related = f.related.map((r) => ({ uri, range: lines.range(r.span), message: r.message }));
    out.push(p);
  }
  return out;
}

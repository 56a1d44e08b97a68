/** Shared plumbing for rules that report on citations. */
import type { Citation, Fix, NoteIndex, Problem, Span } from '../types.js';
import type { Resolution, WorkspaceView } from '../view.js';
import type { Code } from './rule.js';

/** Runs `report` for each citation of `note` with its resolution; collects the problems. */
export function eachCitation(
  note: NoteIndex,
  view: WorkspaceView,
  report: (
    citation: Citation,
    resolution: Resolution,
    problem: (span: Span, message: string, fixes?: Fix[]) => Problem,
  ) => Problem | undefined,
  code: Code,
): Problem[] {
  const lines = view.lines(note.uri);
  if (!lines) return [];
  const out: Problem[] = [];
  const make = (span: Span, message: string, fixes?: Fix[]): Problem => {
    const p: Problem = { uri: note.uri, range: lines.range(span), code, message };
    if (fixes && fixes.length > 0) p.fixes = fixes;
    return p;
  };
  const resolutions = view.resolutionsOf(note);
  for (let i = 0; i < note.citations.length; i++) {
    const p = report(note.citations[i]!, resolutions[i]!, make);
    if (p) out.push(p);
  }
  return out;
}

/** A fix that replaces `span` of the note with `text`. */
export function replaceFix(view: WorkspaceView, uri: string, span: Span, text: string, title: string, isPreferred = false): Fix {
  const lines = view.lines(uri)!;
  const fix: Fix = { title, edits: [{ uri, range: lines.range(span), newText: text }] };
  if (isPreferred) fix.isPreferred = true;
  return fix;
}

/** `a`, `b` or `c` as Markdown code. */
export function listCode(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

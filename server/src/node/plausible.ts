/**
 * Shape checks for what the persisted index reads back. The file is checksummed,
 * so these catch what a checksum cannot: data written by a build with a bug, or
 * edited by hand with the checksum redone. They check what the core relies on
 * (kinds, URIs, offsets inside the document, types of the fields it reads), not
 * every field.
 */
import type { DocKind, ParsedDocument } from '../core/parse/document.js';
import type { DocUri, Fix, Problem, RelatedLocation } from '../core/types.js';

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function isSpanWithin(v: unknown, length: number): boolean {
  return isObject(v) && isCount(v.start) && isCount(v.end) && v.start <= v.end && v.end <= length;
}

function spansWithin(list: unknown, length: number): boolean {
  return Array.isArray(list) && list.every((s) => isSpanWithin(s, length));
}

function headingsWithin(list: unknown, length: number): boolean {
  return (
    Array.isArray(list) &&
    list.every((h) => isSpanWithin(h, length) && typeof (h as Loose).slug === 'string' && typeof (h as Loose).text === 'string')
  );
}

const FORMS = new Set(['markdown', 'definition', 'property']);

function blockIdsWithin(list: unknown, length: number): boolean {
  return Array.isArray(list) && list.every((b) => isSpanWithin(b, length) && typeof (b as Loose).id === 'string');
}

function citationsWithin(list: unknown, length: number): boolean {
  return (
    Array.isArray(list) &&
    list.every((c) => {
      if (!isSpanWithin(c, length)) return false;
      const x = c as Loose;
      return (
        typeof x.target === 'string' &&
        isSpanWithin(x.targetSpan, length) &&
        isSpanWithin(x.paragraph, length) &&
        (x.form === undefined || FORMS.has(x.form as string)) &&
        (x.anchorSpan === undefined || isSpanWithin(x.anchorSpan, length)) &&
        (x.labelSpan === undefined || isSpanWithin(x.labelSpan, length))
      );
    })
  );
}

/** True when `value` has the shape of the parse of `uri` as a `kind`, with every offset inside it. */
export function plausibleParse(value: unknown, uri: DocUri, kind: DocKind): value is ParsedDocument {
  if (!isObject(value) || value.kind !== kind || !isObject(value.index)) return false;
  const index = value.index;
  if (index.uri !== uri || typeof index.version !== 'number') return false;
  if (kind === 'note') {
    const length = index.length;
    return (
      isCount(length) &&
      typeof index.stem === 'string' &&
      citationsWithin(index.citations, length) &&
      headingsWithin(index.headings, length) &&
      blockIdsWithin(index.blockIds, length) &&
      spansWithin(index.prose, length) &&
      (index.htmlIds === undefined || (Array.isArray(index.htmlIds) && index.htmlIds.every((id) => typeof id === 'string')))
    );
  }
  if (kind === 'source') {
    return (
      typeof index.id === 'string' &&
      typeof index.stem === 'string' &&
      Array.isArray(index.headings) &&
      Array.isArray(index.paragraphs) &&
      Array.isArray(index.lineStarts)
    );
  }
  return (
    typeof index.sourceStem === 'string' &&
    Array.isArray(index.anchors) &&
    Array.isArray(index.problems) &&
    (index.problems as unknown[]).every((p) => plausibleProblem(p, uri))
  );
}

function isPosition(v: unknown): boolean {
  return isObject(v) && isCount(v.line) && isCount(v.character);
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

function plausibleProblem(p: unknown, uri: DocUri): p is Problem {
  return (
    isObject(p) &&
    p.uri === uri &&
    typeof p.code === 'string' &&
    typeof p.message === 'string' &&
    (p.severity === undefined || SEVERITIES.has(p.severity as string)) &&
    isRange(p.range)
  );
}

/** True when `value` is a list of problems. */
export function plausibleProblems(value: unknown): value is Problem[] {
  return Array.isArray(value) && value.every((p) => isObject(p) && typeof p.uri === 'string' && plausibleProblem(p, p.uri));
}

function isRange(v: unknown): boolean {
  return isObject(v) && isPosition(v.start) && isPosition(v.end);
}

function plausibleFix(f: unknown): f is Fix {
  return (
    isObject(f) &&
    typeof f.title === 'string' &&
    Array.isArray(f.edits) &&
    f.edits.every((e) => isObject(e) && typeof e.uri === 'string' && typeof e.newText === 'string' && isRange(e.range))
  );
}

/** True when `value` lists, for `count` problems, their related places. */
export function plausibleRelated(value: unknown, count: number): value is { related?: RelatedLocation[] }[] {
  return (
    Array.isArray(value) &&
    value.length === count &&
    value.every(
      (d) =>
        isObject(d) &&
        (d.related === undefined ||
          (Array.isArray(d.related) &&
            d.related.every((r) => isObject(r) && typeof r.uri === 'string' && typeof r.message === 'string' && isRange(r.range)))),
    )
  );
}

/** True when `value` lists, for `count` problems, each one's quick fixes or null. */
export function plausibleFixLists(value: unknown, count: number): value is (Fix[] | null)[] {
  return (
    Array.isArray(value) &&
    value.length === count &&
    value.every((fixes) => fixes === null || (Array.isArray(fixes) && fixes.every(plausibleFix)))
  );
}

/**
 * Text that is never date evidence (SPEC §4): URLs, `www.` hosts, link destinations
 * `](dest)`, autolinks `<…>`, file paths and names, code spans and fenced code. A link
 * such as `example.org/2019-03-04-release-notes` must not give a note its year.
 * One linear pass per kind; every span is found without backtracking over long runs.
 */
import { isWhiteSpace, lastStartingAtOrBefore } from '../text.js';
import type { Span } from '../types.js';

/** Extensions of file names that stand in prose (`2021-10-02.md`, `scan_2019-03-04.pdf`). */
const FILE_NAME = new RegExp(
  '^[\\w.-]*[\\w-]\\.(?:md|markdown|txt|pdf|html?|png|jpe?g|gif|svg|webp|csv|tsv|json|ya?ml|xml|' +
    'docx?|xlsx?|pptx?|odt|rtf|zip|gz|mp3|mp4|mov|wav|canvas|epub|log)$',
  'i',
);
/** Words joined by slashes ("and/or", "June/July") are prose, not paths. */
const WORDS_WITH_SLASHES = /^[A-Za-z]+(?:\/[A-Za-z]+)+$/;
const TRAILING = new Set([...'.,;:!?)]}\'"”’*_']);
const LEADING = new Set([...'([\'"“‘*_']);

/**
 * The spans of `text` that are never searched for dates, sorted and disjoint.
 * Link-like tokens are looked for only among the tokens that touch one of `near`
 * (sorted spans): what can be a date lies there, and reading every token of a long
 * note cost more than the rest of its date checks.
 */
export function notDateEvidence(text: string, near: readonly Span[]): Span[] {
  const spans: Span[] = [...fencedCode(text), ...codeSpans(text), ...linkDestinations(text), ...linkLikeTokensNear(text, near)];
  return merge(spans);
}

/** Only tokens holding one of these characters can be links, paths or file names. */
const LINK_CHARS = /[/\\:@<.\]]/;

/** Whitespace-separated tokens that overlap one of `near` and are URLs, hosts, autolinks, paths or file names. */
function linkLikeTokensNear(text: string, near: readonly Span[]): Span[] {
  const out: Span[] = [];
  let done = 0;
  for (const span of near) {
    let at = Math.max(done, Math.max(0, span.start));
    while (at > done && at > 0 && !isWhiteSpace(text, at - 1)) at--;
    const until = Math.min(text.length, span.end);
    while (at < until) {
      while (at < until && isWhiteSpace(text, at)) at++;
      if (at >= until) break;
      let end = at;
      while (end < text.length && !isWhiteSpace(text, end)) end++;
      const token = text.slice(at, end);
      if (LINK_CHARS.test(token)) linkLikeToken(token, at, out);
      at = end;
    }
    done = Math.max(done, at);
  }
  return out;
}

/** Adds the span of `token` (at `index`) to `out` when it is a URL, host, autolink, path or file name. */
function linkLikeToken(token: string, index: number, out: Span[]): void {
  // "[on Sunday, November 9, 2022](https://…)": the link text is prose; the destination is masked elsewhere.
  const link = token.indexOf('](');
  let a = link >= 0 ? link + 1 : 0;
  let b = token.length;
  while (a < b && LEADING.has(token[a]!)) a++;
  while (b > a && TRAILING.has(token[b - 1]!)) b--;
  if (b === a) return;
  const core = token.slice(a, b);
  if (isLinkLike(core)) out.push({ start: index + a, end: index + a + core.length });
}

function isLinkLike(token: string): boolean {
  if (token.includes('://') || /^(?:www\.|mailto:)/i.test(token)) return true;
  if (token.startsWith('<') && (token.includes(':') || token.includes('@'))) return true;
  // HTML tags ("27<sup>th</sup>", "<u>May 6</u>") are markup around prose, not paths.
  const core = token.includes('<') ? token.replace(/<\/?[A-Za-z][^<>]{0,200}>/g, '') : token;
  if ((core.includes('/') || core.includes('\\')) && !WORDS_WITH_SLASHES.test(core)) return true;
  if (core.includes('@') && core.includes('.')) return true;
  return core.length < 300 && FILE_NAME.test(core);
}

/** `](dest)` and `](<dest with spaces>)`: from the bracket to the closing parenthesis on that line. */
function linkDestinations(text: string): Span[] {
  const out: Span[] = [];
  let at = text.indexOf('](');
  while (at >= 0) {
    const lineEnd = endOfLine(text, at);
    const angled = text[at + 2] === '<';
    const close = text.indexOf(angled ? '>' : ')', at + 2);
    let end = close >= 0 && close < lineEnd ? close + 1 : lineEnd;
    if (angled && text[end] === ')') end++;
    out.push({ start: at + 1, end });
    at = text.indexOf('](', Math.max(at + 2, end));
  }
  return out;
}

function endOfLine(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** Code spans: a run of backticks up to the next run of the same length in the same paragraph. */
function codeSpans(text: string): Span[] {
  const runs: Span[] = [];
  const re = /`+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) runs.push({ start: m.index, end: m.index + m[0].length });
  // No pair of runs: no code span (and no need to find the paragraphs).
  if (runs.length < 2) return [];
  // For each run length, the runs of that length in order, and a cursor into them.
  const byLength = new Map<number, number[]>();
  runs.forEach((r, i) => {
    const n = r.end - r.start;
    const list = byLength.get(n);
    if (list) list.push(i);
    else byLength.set(n, [i]);
  });
  const cursor = new Map<number, number>();
  const breaks = [...text.matchAll(/\n[ \t]*\n/g)].map((b) => ({ start: b.index, end: b.index + b[0].length }));
  const paragraph = (offset: number) => lastStartingAtOrBefore(breaks, offset);
  const out: Span[] = [];
  let i = 0;
  while (i < runs.length) {
    const open = runs[i]!;
    const n = open.end - open.start;
    const list = byLength.get(n)!;
    let c = cursor.get(n) ?? 0;
    while (c < list.length && list[c]! <= i) c++;
    cursor.set(n, c);
    const j = list[c];
    const close = j === undefined ? undefined : runs[j]!;
    if (close && paragraph(open.start) === paragraph(close.start)) {
      out.push({ start: open.start, end: close.end });
      i = j! + 1;
    } else i++;
  }
  return out;
}

/** Fenced code blocks (``` or ~~~ at the start of a line) up to their closing fence. */
function fencedCode(text: string): Span[] {
  // Most texts hold no fence: the search for one is many times faster than the pattern at every line start.
  if (!text.includes('```') && !text.includes('~~~')) return [];
  const out: Span[] = [];
  const re = /^ {0,3}(`{3,}|~{3,})/gm;
  let m: RegExpExecArray | null;
  let open: { start: number; fence: string } | undefined;
  while ((m = re.exec(text))) {
    if (!open) open = { start: m.index, fence: m[1]! };
    else if (m[1]![0] === open.fence[0] && m[1]!.length >= open.fence.length) {
      out.push({ start: open.start, end: endOfLine(text, m.index) });
      open = undefined;
    }
  }
  if (open) out.push({ start: open.start, end: text.length });
  return out;
}

function merge(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

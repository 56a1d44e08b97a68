/**
 * Finds `[[…]]` citations and wiki links (and `![[…]]` embeds) in text, outside
 * excluded spans (code, HTML, comments, front matter). Linear in the text: one pass
 * over `[[` occurrences.
 */
import { spanHolding, trimmedSpan } from '../text.js';
import { markdownLinkEnd } from './mdLinks.js';
import type { Citation, Span } from '../types.js';

/** How far past an unclosed `[[` a Markdown link's `](…)` is looked for. */
const MD_LINK_WINDOW = 2048;

/** A citation before its paragraph is known. */
export type RawCitation = Omit<Citation, 'paragraph'> & { paragraph?: Span };

/**
 * Why `[[002#"quote" more]]` is not read: a source's quote anchor ends at its closing
 * mark. Into a note it is a link to a heading that opens with a quotation.
 */
export const TEXT_AFTER_QUOTE = 'unexpected text after the quote anchor';

/** Why a `[[` with no `]]` before the end of its line is not read as a link. */
export const UNCLOSED = 'unclosed `[[`: a link ends with `]]` on the same line';

const OPEN_QUOTES = new Map([
  ['"', '"'],
  ['\u201c', '\u201d'],
  ["'", "'"],
]);

/** Reads the inside of `[[…]]` (offset `innerStart` in the document) into its parts. */
export function readCitation(raw: string, start: number): RawCitation {
  const innerStart = start + 2;
  // Most links are `[[name]]`: no anchor, no label (a vault has hundreds of thousands).
  if (raw.indexOf('#') < 0 && raw.indexOf('|') < 0) {
    const targetSpan = trimmedSpan(raw, 2, raw.length - 2, start);
    return {
      start,
      end: start + raw.length,
      target: raw.slice(targetSpan.start - start, targetSpan.end - start),
      targetSpan,
      paragraph: undefined,
    };
  }
  const inner = raw.slice(2, -2);
  const citation: RawCitation = { start, end: start + raw.length, target: '', targetSpan: { start: innerStart, end: innerStart } };
  const hash = inner.indexOf('#');
  let bar = inner.indexOf('|');
  // In a table cell the pipe is escaped (`[[a\|b]]`): the backslash is not part of the target.
  let barWidth = 1;
  if (bar > 0 && inner[bar - 1] === '\\') {
    bar--;
    barWidth = 2;
  }
  const targetEnd = hash >= 0 && (bar < 0 || hash < bar) ? hash : bar >= 0 ? bar : inner.length;
  citation.targetSpan = trimmedSpan(inner, 0, targetEnd, innerStart);
  citation.target = inner.slice(citation.targetSpan.start - innerStart, citation.targetSpan.end - innerStart);
  let labelFrom = bar >= 0 && bar < targetEnd + 1 ? bar + barWidth - 1 : -1;
  if (hash >= 0 && targetEnd === hash) {
    const anchorFrom = hash + 1;
    let anchorEnd: number;
    const first = inner.slice(anchorFrom).trimStart();
    const lead = inner.length - anchorFrom - first.length;
    const close = OPEN_QUOTES.get(first[0] ?? '');
    if (close !== undefined && first[0] !== "'") {
      const closeAt = inner.indexOf(close, anchorFrom + lead + 1);
      if (closeAt < 0) {
        citation.malformed = 'the quote anchor has no closing quotation mark';
        anchorEnd = inner.length;
      } else {
        anchorEnd = closeAt + 1;
        const after = inner.slice(anchorEnd);
        let nextBar = after.indexOf('|');
        if (nextBar > 0 && after[nextBar - 1] === '\\') nextBar--;
        if (after.slice(0, nextBar < 0 ? after.length : nextBar).trim() !== '') {
          citation.malformed = TEXT_AFTER_QUOTE;
          // The anchor is all of it: in a note, a heading that opens with a quotation (`## "Quoted" words`).
          anchorEnd = nextBar < 0 ? inner.length : anchorEnd + nextBar;
        }
      }
      labelFrom = inner.indexOf('|', anchorEnd);
      if (labelFrom > 0 && inner[labelFrom - 1] === '\\') anchorEnd = Math.min(anchorEnd, labelFrom - 1);
    } else {
      anchorEnd = bar > hash ? bar : inner.length;
      labelFrom = bar > hash ? bar + barWidth - 1 : -1;
    }
    citation.anchorSpan = trimmedSpan(inner, anchorFrom, anchorEnd, innerStart);
    citation.anchor = inner.slice(citation.anchorSpan.start - innerStart, citation.anchorSpan.end - innerStart);
  }
  if (labelFrom >= 0) {
    citation.labelSpan = trimmedSpan(inner, labelFrom + 1, inner.length, innerStart);
    citation.label = inner.slice(citation.labelSpan.start - innerStart, citation.labelSpan.end - innerStart);
  }
  return citation;
}

/**
 * Every citation in `text` that starts outside `excluded` (sorted, disjoint spans).
 * A `[[` with no `]]` before the end of its line is an unclosed citation.
 */
export function scanCitations(text: string, excluded: readonly Span[]): RawCitation[] {
  const found: RawCitation[] = [];
  let from = 0;
  // The end of the line `from` is on, found once per line: a long line with many
  // citations must not be rescanned for each of them.
  let lineEnd = -1;
  // Likewise the next `]]` (-1 once there is none left): searches only move forward.
  let close = -2;
  // And the next `]` (-1 once there is none left): without one nearby there is no Markdown link.
  let bracket = -2;
  for (;;) {
    const open = text.indexOf('[[', from);
    if (open < 0) break;
    if (spanHolding(excluded, open)) {
      from = open + 2;
      continue;
    }
    // Runs of brackets: the citation starts at the last `[[` of `[[[…`.
    let start = open;
    while (text.charCodeAt(start + 2) === 91 /* [ */) start++;
    const embed = start > 0 && text.charCodeAt(start - 1) === 33; /* ! */
    if (lineEnd < start) {
      lineEnd = text.indexOf('\n', start);
      if (lineEnd < 0) lineEnd = text.length;
    }
    if (close !== -1 && close < start + 2) close = text.indexOf(']]', start + 2);
    const nextOpen = text.indexOf('[[', start + 2);
    if (close < 0 || close > lineEnd || (nextOpen >= 0 && nextOpen < close)) {
      // `[[FR]: Export fails](https://…)`: a Markdown link whose text starts with a bracket.
      // `[[x](url)]`: the second bracket opens a Markdown link inside brackets. Looked for
      // within a window, so a line of thousands of unclosed `[[` stays linear.
      const window = Math.min(lineEnd, start + MD_LINK_WINDOW);
      if (bracket !== -1 && bracket < start) bracket = text.indexOf(']', start);
      const maybeLink = bracket >= 0 && bracket < window;
      if (maybeLink && (markdownLinkEnd(text, start, window) > 0 || markdownLinkEnd(text, start + 1, window) > 0)) {
        from = start + 2;
        continue;
      }
      const end = nextOpen >= 0 && nextOpen < lineEnd ? nextOpen : lineEnd;
      // trimEnd, not /\s+$/: that regex backtracks quadratically over a long run of spaces.
      const raw = text.slice(start, end).trimEnd();
      found.push({
        start,
        end: start + raw.length,
        target: '',
        targetSpan: { start: start + 2, end: start + 2 },
        malformed: UNCLOSED,
      });
      from = start + 2;
      continue;
    }
    const raw = text.slice(start, close + 2);
    const citation = readCitation(raw, start);
    if (embed) citation.embed = true;
    found.push(citation);
    from = close + 2;
  }
  return found;
}

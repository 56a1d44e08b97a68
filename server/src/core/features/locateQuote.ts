/**
 * Finds words selected in a viewer (the PDF viewer's text layer) in a source's
 * extracted text. The viewer shows the PDF's own text: hyphens at line ends, ligature
 * characters, running headers. So both sides are compared as their letters only —
 * no white space or hyphens, ligatures spelt out, case ignored — and the match is
 * mapped back to the extracted text; an occurrence on the viewer's page wins.
 */
import type { DocUri, Range, SourceIndex, Span } from '../types.js';
import type { WorkspaceView } from '../view.js';

interface Skeleton {
  text: string;
  /** `offsets[i]` is the extracted-text offset of skeleton character `i`. */
  offsets: number[];
}

const SKIPPED = /[\s\-\u00ad\u2010\u2011]/;

/** The letters of `text` as compared, with each one's offset. */
export function skeleton(text: string): Skeleton {
  let out = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (SKIPPED.test(ch)) continue;
    const folded = ch.normalize('NFKC').toLowerCase();
    for (const f of folded) {
      if (SKIPPED.test(f)) continue;
      out += f;
      offsets.push(i);
    }
  }
  return { text: out, offsets };
}

/** The span of `selected` in the source's text, preferring page `page`; undefined when it is not there. */
export function locateQuote(view: WorkspaceView, uri: DocUri, selected: string, page?: number): { range: Range; span: Span } | undefined {
  const source = view.source(uri);
  const lines = view.lines(uri);
  if (!source || !lines) return undefined;
  const hay = view.memo(uri, 'skeleton', () => skeleton(source.text));
  const needle = skeleton(selected).text;
  if (!needle) return undefined;
  const hits: number[] = [];
  for (let i = hay.text.indexOf(needle); i >= 0 && hits.length < 1000; i = hay.text.indexOf(needle, i + 1)) hits.push(i);
  if (hits.length === 0) return undefined;
  const onPage = page !== undefined ? pageSpan(source, page) : undefined;
  const at = (onPage && hits.find((h) => hay.offsets[h]! >= onPage.start && hay.offsets[h]! < onPage.end)) ?? hits[0]!;
  const span = { start: hay.offsets[at]!, end: hay.offsets[at + needle.length - 1]! + 1 };
  return { range: lines.range(span), span };
}

function pageSpan(source: SourceIndex, page: number): Span | undefined {
  return source.pages?.[page - 1];
}

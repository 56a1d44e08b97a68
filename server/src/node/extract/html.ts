/**
 * Reads a saved web page as Firefox Reader View does: `@mozilla/readability` picks
 * the article out of a DOM built by `linkedom` — a parser only: no scripts run, no
 * style sheets, images or frames load, nothing reaches the network. The article
 * becomes plain text (paragraphs separated by blank lines) with the spans of its
 * headings and of every element with an `id`.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ElementId, ExtractedDocument } from '../../core/types.js';
import { extended } from '../../core/extended.js';

/** Elements whose content is never text of the page. */
const DROPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'CANVAS',
  'HEAD',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
]);
/** Elements that end a paragraph. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
  'CAPTION',
  'BODY',
]);
/** Below this many characters Readability's article is taken to have missed the page, and the whole body is read. */
const MIN_ARTICLE = 140;

type ParsedDocument = ReturnType<typeof parseHTML>['document'];

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

/** A saved web page's readable text and structure. Never runs the page's scripts. */
export function extractHtml(html: string): ExtractedDocument {
  const { document } = parseHTML(html);
  const title = (document.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const date = publishedDate(document);
  for (const el of [
    ...document.querySelectorAll('script:not([type="application/ld+json"]), style, noscript, template, iframe, object, embed'),
  ])
    el.remove();
  let root: DomNode | undefined;
  try {
    const article = new Readability<DomNode>(document as never, {
      serializer: (node) => node as unknown as DomNode,
      maxElemsToParse: 200_000,
    }).parse();
    if (article?.content && (article.textContent ?? '').trim().length >= MIN_ARTICLE) root = article.content;
  } catch {
    // A page Readability cannot take apart is read whole.
  }
  if (!root) root = parseHTML(html).document.body as unknown as DomNode;
  const doc: ExtractedDocument = { format: 'html', ...toText(root) };
  if (title) doc.title = title;
  if (date) doc.date = date;
  return doc;
}

/** `article:published_time`, other common date metadata, or the first `<time datetime>`. */
function publishedDate(document: ParsedDocument): { text: string; iso: string } | undefined {
  const selectors = [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
  ];
  for (const s of selectors) {
    const found = isoDate(document.querySelector(s)?.getAttribute('content'));
    if (found) return found;
  }
  for (const time of [...document.querySelectorAll('time[datetime]')].slice(0, 20)) {
    const found = isoDate(time.getAttribute('datetime'));
    if (found) return found;
  }
  return undefined;
}

/** The calendar date at the start of an ISO 8601 value (`2021-12-07T10:00:00Z` → 2021-12-07). */
export function isoDate(value: string | null | undefined): { text: string; iso: string } | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return { text: iso, iso };
}

/** The text under `root`, paragraphs at block boundaries, with heading and `id` spans. Iterative: deep pages cannot overflow the stack. */
function toText(root: DomNode): Pick<ExtractedDocument, 'text' | 'headings' | 'ids'> {
  let text = '';
  /** Text of the current paragraph is written straight into `text`; a break is owed before the next word. */
  let owed: '' | ' ' | '\n' | '\n\n' = '';
  const headings: ExtractedDocument['headings'] = [];
  const ids: ElementId[] = [];
  const seenIds = new Set<string>();
  /** Elements waiting for their first character. */
  const waiting: { start: number }[] = [];
  const write = (s: string) => {
    if (s === '') return;
    if (text !== '' && owed) text += owed;
    owed = '';
    for (const w of waiting) w.start = text.length;
    waiting.length = 0;
    text += s;
  };
  const owe = (brk: '' | ' ' | '\n' | '\n\n') => {
    const rank = { '': 0, ' ': 1, '\n': 2, '\n\n': 3 };
    if (rank[brk] > rank[owed]) owed = brk;
  };
  type Frame = { node: DomNode; exit?: () => void };
  const stack: Frame[] = [{ node: root }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (exit) {
      exit();
      continue;
    }
    if (node.nodeType === 3) {
      const t = (node.textContent ?? '').replace(/[\s\u00a0]+/g, ' ');
      if (/^\s/.test(t)) owe(' ');
      write(t.trim());
      if (/\s$/.test(t) && t.trim() !== '') owe(' ');
      continue;
    }
    if (node.nodeType !== 1 || DROPPED.has(node.nodeName.toUpperCase())) continue;
    const name = node.nodeName.toUpperCase();
    if (name === 'BR') {
      owe('\n');
      continue;
    }
    const block = BLOCKS.has(name) || name === 'TD' || name === 'TH';
    if (block) owe(name === 'TD' || name === 'TH' ? ' ' : '\n\n');
    const mark = { start: -1 };
    waiting.push(mark);
    const id = node.getAttribute?.('id')?.trim();
    const level = /^H([1-6])$/.exec(name);
    stack.push({
      node,
      exit: () => {
        const i = waiting.indexOf(mark);
        if (i >= 0) waiting.splice(i, 1);
        if (mark.start >= 0) {
          const span = { start: mark.start, end: text.length };
          if (id && !id.startsWith('readability-') && !seenIds.has(id)) {
            seenIds.add(id);
            ids.push({ id, ...span });
          }
          if (level)
            headings.push(extended(span, { text: text.slice(span.start, span.end).replace(/\s+/g, ' '), level: Number(level[1]) }));
        }
        if (block) owe('\n\n');
      },
    });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]! });
  }
  return { text, headings: headings.sort((a, b) => a.start - b.start), ids: ids.sort((a, b) => a.start - b.start) };
}

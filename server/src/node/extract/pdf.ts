/**
 * Reads a PDF with Mozilla's pdf.js (the legacy build, for Node): each page's
 * positioned text, the outline and the metadata, then lays it out (layout.ts).
 * pdf.js runs with no eval, no scripting, no fonts or resources fetched; in the
 * language server this runs on the extraction worker thread (extractWorker.ts).
 */
import type { ExtractedDocument } from '../../core/types.js';
import { layoutPdf, type LayoutStats, type PdfOutlineEntry, type PdfPageText, type PdfTextItem } from './layout.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** Outline entries read (a hostile PDF may nest bookmarks without end). */
const MAX_OUTLINE = 2000;
const PAGES_IN_FLIGHT = 8;

let loaded: Promise<PdfJs> | undefined;

/** pdf.js, loaded once, with its worker code running in this thread (this is already a worker). */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

/** A PDF's extracted text and structure, with what the layout did. Throws when pdf.js cannot read the file. */
export async function extractPdf(bytes: Uint8Array): Promise<{ doc: ExtractedDocument; stats: LayoutStats }> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: bytes,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const pdf = await task.promise.catch((e: Error) => {
    // pdf.js asks for a password it was not given: say so in words.
    throw e?.name === 'PasswordException' ? new Error('it is protected by a password') : e;
  });
  try {
    const pages = await allPages(pdf);
    const outline = await readOutline(pdf).catch(() => []);
    const { text, pages: spans, headings, stats } = layoutPdf(pages, outline);
    const doc: ExtractedDocument = { format: 'pdf', text, pages: spans, headings };
    const meta = await pdf.getMetadata().catch(() => undefined);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const title = typeof info.Title === 'string' ? info.Title.trim() : '';
    if (title) doc.title = title;
    const date = pdfDate(info.CreationDate) ?? pdfDate(info.ModDate);
    if (date) doc.date = date;
    if (text.trim() === '')
      doc.notice =
        `No text layer: the PDF's ${pdf.numPages} page${pdf.numPages === 1 ? ' has' : 's have'} no text ` +
        `to extract (a scan?); it can be cited whole or by page, but its words cannot be checked`;
    return { doc, stats };
  } finally {
    await task.destroy();
  }
}

/** Every page's text, several requested at once: pdf.js then never waits between pages (a third faster). */
async function allPages(pdf: PdfDocument): Promise<PdfPageText[]> {
  const pages: PdfPageText[] = new Array(pdf.numPages);
  let next = 1;
  const lane = async () => {
    while (next <= pdf.numPages) {
      const n = next++;
      pages[n - 1] = await pageText(pdf, n);
    }
  };
  await Promise.all(Array.from({ length: PAGES_IN_FLIGHT }, lane));
  return pages;
}

async function pageText(pdf: PdfDocument, n: number): Promise<PdfPageText> {
  const page = await pdf.getPage(n);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: PdfTextItem[] = [];
  for (const raw of content.items) {
    if (!('str' in raw) || raw.str === '') continue;
    const [a, b, , d, e, f] = raw.transform as number[];
    // Page coordinates: the viewport turns rotated pages and offset crop boxes upright.
    const [x, y] = viewport.convertToViewportPoint(e!, f!);
    items.push({
      str: raw.str,
      x: x!,
      y: viewport.height - y!,
      width: raw.width * viewport.scale,
      size: Math.hypot(a!, b!) || Math.abs(d!) || raw.height,
    });
  }
  page.cleanup();
  return { width: viewport.width, height: viewport.height, items };
}

/** The outline as a flat list in document order, each entry on its page. */
async function readOutline(pdf: PdfDocument): Promise<PdfOutlineEntry[]> {
  const top = await pdf.getOutline();
  const out: PdfOutlineEntry[] = [];
  const stack: { items: typeof top; level: number; i: number }[] = top ? [{ items: top, level: 1, i: 0 }] : [];
  while (stack.length > 0 && out.length < MAX_OUTLINE) {
    const frame = stack[stack.length - 1]!;
    const item = frame.items[frame.i++];
    if (!item) {
      stack.pop();
      continue;
    }
    const page = await destinationPage(pdf, item.dest);
    if (page !== undefined && item.title) out.push({ title: item.title, page, level: Math.min(frame.level, 6) });
    if (item.items?.length && stack.length < 10) stack.push({ items: item.items, level: frame.level + 1, i: 0 });
  }
  return out;
}

async function destinationPage(pdf: PdfDocument, dest: unknown): Promise<number | undefined> {
  try {
    const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return undefined;
    const ref = explicit[0] as unknown;
    if (typeof ref === 'number') return ref + 1;
    if (ref && typeof ref === 'object' && 'num' in ref) return (await pdf.getPageIndex(ref as { num: number; gen: number })) + 1;
  } catch {
    // A bookmark to nowhere is no heading.
  }
  return undefined;
}

/** A PDF date string (`D:20211207093000+01'00'`) as a document date. */
export function pdfDate(value: unknown): { text: string; iso: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value.trim());
  if (!m || !m[2] || !m[3]) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > days) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return { text: iso, iso };
}

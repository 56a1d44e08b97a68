/**
 * Writes small PDFs with pdf-lib for the tests, the benchmark and the example: text
 * placed line by line in the standard Times fonts (WinAnsi, with the `fi` and `fl`
 * ligature glyphs at codes 128 and 129 as TeX's fonts have them), page sizes,
 * metadata and an outline. Reproducible: the same input gives the same bytes.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, StandardFonts, type PDFFont } from 'pdf-lib';

export interface PdfLine {
  text: string;
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  size?: number;
  bold?: boolean;
}

export interface PdfPage {
  lines: PdfLine[];
  width?: number;
  height?: number;
}

export interface PdfOutlineItem {
  title: string;
  /** 1-based. */
  page: number;
  children?: PdfOutlineItem[];
}

export interface PdfSpec {
  pages: PdfPage[];
  title?: string;
  /** Both the creation and modification date (fixed, so the bytes are reproducible). */
  date?: Date;
  outline?: PdfOutlineItem[];
}

const WIN_ANSI: Record<string, number> = {
  '€': 0x80,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '\ufb01': 0x80,
  '\ufb02': 0x81,
};

/** The font's byte for each character: ASCII and Latin-1 as they are, WinAnsi's typography, the ligatures; `?` otherwise. */
function encode(text: string): string {
  let hex = '';
  for (const ch of text) {
    const code = WIN_ANSI[ch] ?? (ch.charCodeAt(0) < 256 && ch.charCodeAt(0) >= 32 ? ch.charCodeAt(0) : 0x3f);
    hex += code.toString(16).padStart(2, '0');
  }
  return hex;
}

/** Text as the metrics font can measure it (ligatures spelt out). */
function measurable(text: string): string {
  return text
    .replace(/\ufb01/g, 'fi')
    .replace(/\ufb02/g, 'fl')
    .replace(/[^\x20-\xff‘’“”–—…•€]/g, '?');
}

function fontDict(doc: PDFDocument, base: string): PDFRef {
  return doc.context.register(
    doc.context.obj({
      Type: 'Font',
      Subtype: 'Type1',
      BaseFont: base,
      Encoding: { Type: 'Encoding', BaseEncoding: 'WinAnsiEncoding', Differences: [128, 'fi', 'fl'] },
    }),
  );
}

/** Measures text in a standard font, for the typesetter below. */
export interface Metrics {
  width(text: string, size: number, bold?: boolean): number;
}

/** Writes a PDF from placed lines. */
export async function writePdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const date = spec.date ?? new Date(Date.UTC(2021, 11, 7));
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setProducer('grounded-notes scripts/pdfWriter.ts (pdf-lib)');
  if (spec.title) doc.setTitle(spec.title);
  const regular = fontDict(doc, 'Times-Roman');
  const bold = fontDict(doc, 'Times-Bold');
  const pageRefs: PDFRef[] = [];
  for (const p of spec.pages) {
    const page = doc.addPage([p.width ?? 612, p.height ?? 792]);
    page.node.setFontDictionary(PDFName.of('F1'), regular);
    page.node.setFontDictionary(PDFName.of('F2'), bold);
    const ops = p.lines
      .map((l) => `BT /${l.bold ? 'F2' : 'F1'} ${num(l.size ?? 10)} Tf ${num(l.x)} ${num(l.y)} Td <${encode(l.text)}> Tj ET`)
      .join('\n');
    const stream = doc.context.stream(ops);
    page.node.set(PDFName.of('Contents'), doc.context.register(stream));
    pageRefs.push(page.ref);
  }
  if (spec.outline?.length) addOutline(doc, spec.outline, pageRefs);
  return doc.save({ useObjectStreams: false });
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** The outline (bookmarks): a dictionary per item, linked as PDF 1.7 §12.3.3 describes. */
function addOutline(doc: PDFDocument, items: PdfOutlineItem[], pages: PDFRef[]): void {
  const root = doc.context.register(doc.context.obj({ Type: 'Outlines' }));
  const count = link(doc, root, items, pages);
  const dict = doc.context.lookup(root, PDFDict);
  dict.set(PDFName.of('Count'), PDFNumber.of(count));
  doc.catalog.set(PDFName.of('Outlines'), root);
}

function link(doc: PDFDocument, parent: PDFRef, items: PdfOutlineItem[], pages: PDFRef[]): number {
  const refs = items.map(() => doc.context.nextRef());
  let total = 0;
  items.forEach((item, i) => {
    const dest = PDFArray.withContext(doc.context);
    dest.push(pages[item.page - 1]!);
    dest.push(PDFName.of('Fit'));
    const dict = doc.context.obj({ Title: PDFHexString.fromText(item.title), Parent: parent, Dest: dest });
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i + 1 < refs.length) dict.set(PDFName.of('Next'), refs[i + 1]!);
    doc.context.assign(refs[i]!, dict);
    total++;
    if (item.children?.length) {
      const n = link(doc, refs[i]!, item.children, pages);
      dict.set(PDFName.of('Count'), PDFNumber.of(n));
      total += n;
    }
  });
  const parentDict = doc.context.lookup(parent, PDFDict);
  parentDict.set(PDFName.of('First'), refs[0]!);
  parentDict.set(PDFName.of('Last'), refs[refs.length - 1]!);
  return total;
}

/** Standard-font metrics from pdf-lib, for setting text in lines. */
export async function standardMetrics(): Promise<Metrics> {
  const doc = await PDFDocument.create();
  const fonts: [PDFFont, PDFFont] = [await doc.embedFont(StandardFonts.TimesRoman), await doc.embedFont(StandardFonts.TimesRomanBold)];
  return { width: (text, size, isBold) => fonts[isBold ? 1 : 0].widthOfTextAtSize(measurable(text), size) };
}

export interface Column {
  x: number;
  width: number;
}

export interface SetOptions {
  columns: Column[];
  top: number;
  bottom: number;
  size: number;
  leading: number;
  /** Extra space between paragraphs. */
  paragraphGap: number;
  /** Break long words at a hyphen point when a line would be too loose (every 3rd syllable boundary). */
  hyphenate?: boolean;
  /** Lines placed on every page (a running header and a footer with the page number). */
  running?: (page: number) => PdfLine[];
  pageWidth?: number;
  pageHeight?: number;
  /** Where the columns start on the first page (below a title set across them). */
  firstPageTop?: number;
}

/**
 * Sets paragraphs of text into lines down one or more columns per page, as a word
 * processor does: greedy line filling, a blank line's worth of space between
 * paragraphs, new pages as needed. A paragraph starting with `# ` is a bold heading.
 */
export function setText(paragraphs: readonly string[], metrics: Metrics, o: SetOptions): { pages: PdfPage[]; headings: PdfOutlineItem[] } {
  const pages: PdfPage[] = [];
  const headings: PdfOutlineItem[] = [];
  let page: PdfPage | undefined;
  let col = 0;
  let y = 0;
  const newPage = () => {
    page = { lines: [...(o.running?.(pages.length + 1) ?? [])], width: o.pageWidth ?? 612, height: o.pageHeight ?? 792 };
    pages.push(page);
    col = 0;
    y = pages.length === 1 ? (o.firstPageTop ?? o.top) : o.top;
  };
  const advance = (dy: number) => {
    y -= dy;
    if (y < o.bottom) {
      col++;
      y = pages.length === 1 ? (o.firstPageTop ?? o.top) : o.top;
      if (col >= o.columns.length) newPage();
    }
  };
  newPage();
  for (const raw of paragraphs) {
    const heading = raw.startsWith('# ');
    const text = heading ? raw.slice(2) : raw;
    const size = heading ? o.size * 1.3 : o.size;
    if (heading) headings.push({ title: text, page: pages.length });
    for (const line of fill(text, o.columns[col]!.width, size, heading, metrics, o.hyphenate ?? false)) {
      page!.lines.push({ text: line, x: o.columns[col]!.x, y, size, bold: heading });
      advance(o.leading * (heading ? 1.3 : 1));
    }
    advance(o.paragraphGap);
  }
  return { pages, headings };
}

/** Greedy line filling; with `hyphenate`, a word that does not fit is split after its 5th letter and given a hyphen. */
function fill(text: string, width: number, size: number, bold: boolean, metrics: Metrics, hyphenate: boolean): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = line ? `${line} ${word}` : word;
    if (metrics.width(candidate, size, bold) <= width || !line) {
      line = candidate;
      continue;
    }
    if (hyphenate && /^[a-z]{8,}[,.;]?$/.test(word)) {
      const head = `${line} ${word.slice(0, 5)}-`;
      if (metrics.width(head, size, bold) <= width) {
        lines.push(head);
        line = word.slice(5);
        continue;
      }
    }
    lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  return lines;
}

/** One file's extraction by format, and the messages the extraction worker exchanges. */
import type { ExtractedDocument } from '../../core/types.js';
import { extractHtml } from './html.js';
import type { LayoutStats } from './layout.js';
import { extractPdf } from './pdf.js';
import { parse as parseMhtml } from 'mhtml-to-html';

export type ExtractFormat = 'pdf' | 'html' | 'mhtml';

export interface ExtractRequest {
  id: number;
  format: ExtractFormat;
  bytes: Uint8Array;
}

export interface ExtractReply {
  id: number;
  doc?: ExtractedDocument;
  stats?: LayoutStats;
  error?: string;
}

/** Extracts one file; throws what the reader throws. */
export async function extractFile(format: ExtractFormat, bytes: Uint8Array): Promise<{ doc: ExtractedDocument; stats?: LayoutStats }> {
  if (format === 'pdf') return extractPdf(bytes);
  if (format === 'mhtml') return { doc: extractHtml(mhtmlPage(bytes)) };
  return { doc: extractHtml(decodeHtml(bytes)) };
}

/** The page an MHTML archive (a browser's "Save as single file") holds, decoded; its other parts are not read. */
function mhtmlPage(bytes: Uint8Array): string {
  const { resources, index } = parseMhtml(bytes);
  const page = resources[index];
  if (!page || !/html/i.test(page.contentType ?? '') || typeof page.data !== 'string') throw new Error('the archive holds no HTML page');
  return page.data;
}

/** A saved page's text: its byte-order mark, else the `charset` it declares near the top, else UTF-8. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

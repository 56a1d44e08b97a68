/**
 * Create Anchor from Selection: propose a slug for selected source words, and build the
 * anchor-file edit that adds the anchor. The new entry is appended as text, so every
 * other byte of the file (comments, order, quoting) stays as it was; the source itself
 * is never touched.
 */
import { stringify } from 'yaml';
import { NotesError } from '../api.js';
import { normalize } from '../normalize.js';
import { ANCHOR_FILE_SUFFIX } from '../parse/anchorFile.js';
import type { DocUri, Range, SourceIndex, TextEdit } from '../types.js';
import type { WorkspaceView } from '../view.js';
import { withoutSourceExtension } from '../formats.js';
import { pageOf } from './passage.js';

const VALID_KEY = /^[^\s#|\[\]"\u201c\u201d]+$/;
const CONTEXT = 32;

function selection(view: WorkspaceView, uri: DocUri, range: Range): { source: SourceIndex; start: number; end: number; quote: string } {
  const source = view.source(uri);
  const lines = view.lines(uri);
  if (!source || !lines) throw new NotesError('Create Anchor from Selection works in a source file (under groundedNotes.sourceRoots).');
  let start = lines.offsetAt(range.start);
  let end = lines.offsetAt(range.end);
  while (start < end && /\s/.test(source.text[start]!)) start++;
  while (end > start && /\s/.test(source.text[end - 1]!)) end--;
  const quote = source.text.slice(start, end).replace(/\s+/g, ' ');
  if (quote.length === 0) throw new NotesError('Select the words of the source to anchor first.');
  return { source, start, end, quote };
}

function existingKeys(view: WorkspaceView, source: SourceIndex): string[] {
  return view.anchorFileFor(source)?.anchors.map((a) => a.key) ?? [];
}

/** A slug from the first words of `quote`, unique among `existing`. */
export function proposeSlug(quote: string, existing: readonly string[]): string {
  const words = (quote.toLowerCase().normalize('NFKD').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 4);
  let base = words.join('-').slice(0, 40).replace(/-+$/, '') || 'anchor';
  if (!VALID_KEY.test(base)) base = 'anchor';
  const taken = new Set(existing.map((k) => k.toLowerCase()));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The proposal shown in the input box. */
export function proposeAnchor(view: WorkspaceView, uri: DocUri, range: Range): { sourceId: string; slug: string; quote: string; existing: string[] } {
  const { source, quote } = selection(view, uri, range);
  const existing = existingKeys(view, source);
  return { sourceId: source.id, slug: proposeSlug(quote, existing), quote, existing };
}

/** The edit that adds anchor `slug` for the selection, and the citation to copy. */
export function createAnchor(view: WorkspaceView, uri: DocUri, range: Range, slug: string): { anchorFileUri: DocUri; create: boolean; edits: TextEdit[]; citation: string } {
  const { source, start, end, quote } = selection(view, uri, range);
  const name = slug.trim();
  if (!VALID_KEY.test(name)) throw new NotesError(`\`${slug}\` cannot be an anchor name: use no spaces, #, |, brackets or quotes.`);
  if (existingKeys(view, source).some((k) => k.toLowerCase() === name.toLowerCase())) {
    throw new NotesError(`Source ${source.id} already has an anchor named \`${name}\`.`);
  }
  // Prefix and suffix only where the quote occurs more than once.
  const n = view.normalized(source);
  const needle = normalize(quote);
  const first = n.text.indexOf(needle);
  const repeated = first >= 0 && n.text.indexOf(needle, first + 1) >= 0;
  let value: string | Record<string, string | number> = quote;
  if (repeated) {
    // Whole words only: drop a word the context window cut in half.
    let prefix = source.text.slice(Math.max(0, start - CONTEXT), start).replace(/\s+/g, ' ');
    if (start - CONTEXT > 0) prefix = prefix.replace(/^\S*\s/, '');
    let suffix = source.text.slice(end, end + CONTEXT).replace(/\s+/g, ' ');
    if (end + CONTEXT < source.text.length) suffix = suffix.replace(/\s\S*$/, '');
    suffix = suffix.replace(/\s+$/, '');
    const page = pageOf(source, start);
    value = { quote, ...(prefix.trim() ? { prefix } : {}), ...(suffix.trim() ? { suffix } : {}), ...(page !== undefined ? { page } : {}) };
  }
  const entry = stringify({ [name]: value }, { lineWidth: 0 });
  const anchorFileUri = withoutSourceExtension(source.uri) + ANCHOR_FILE_SUFFIX;
  const existing = view.anchorFileFor(source);
  const text = existing ? (view.text(existing.uri) ?? '') : '';
  if (/^\s*[{\[]/m.test(text.replace(/^\s*#.*$/gm, ''))) {
    throw new NotesError('This anchor file is written in flow style ({…}); add the anchor to it by hand.');
  }
  const lines = existing ? view.lines(existing.uri) : undefined;
  const endPos = lines ? lines.range({ start: text.length, end: text.length }).start : { line: 0, character: 0 };
  const newText = (text.length > 0 && !text.endsWith('\n') ? '\n' : '') + entry;
  const ambiguous = view.sourcesById(source.id).length > 1;
  return {
    anchorFileUri,
    create: !existing,
    edits: [{ uri: anchorFileUri, range: { start: endPos, end: endPos }, newText }],
    citation: `[[${ambiguous ? source.stem : source.id}#${name}]]`,
  };
}

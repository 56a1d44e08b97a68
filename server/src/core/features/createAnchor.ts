/**
 * Create Anchor from Selection: propose a slug for selected source words, and build the
 * anchor-file edit that adds the anchor. The new entry is inserted as text, so every
 * other byte of the file (comments, order, quoting) stays as it was; it takes the
 * indentation of the file's top-level keys and goes before a `...` document end, so
 * the file stays valid YAML with every other anchor intact. The source itself is
 * never touched.
 */
import { NotesError, type AnchorProposal, type CreateAnchorResult } from '../api.js';
import { normalize } from '../normalize.js';
import { ANCHOR_FILE_SUFFIX, anchorNameError } from '../parse/anchorFile.js';
import { builtInAnchorKind } from '../anchors.js';
import { yamlKey, yamlScalar } from '../parse/yaml.js';
import { trimmedSpan } from '../text.js';
import type { DocUri, Range, SourceIndex } from '../types.js';
import type { WorkspaceView } from '../view.js';
import { withoutSourceExtension } from '../formats.js';
import { pageOf } from './passage.js';

const CONTEXT = 32;

function selection(view: WorkspaceView, uri: DocUri, range: Range): { source: SourceIndex; start: number; end: number; quote: string } {
  const source = view.source(uri);
  const lines = view.lines(uri);
  if (!source || !lines) throw new NotesError('Create Anchor from Selection works in a source file (under groundedNotes.sourceRoots).');
  const { start, end } = trimmedSpan(source.text, lines.offsetAt(range.start), lines.offsetAt(range.end));
  const quote = source.text.slice(start, end).replace(/\s+/g, ' ');
  if (quote.length === 0) throw new NotesError('Select the words of the source to anchor first.');
  return { source, start, end, quote };
}

function existingKeys(view: WorkspaceView, source: SourceIndex): string[] {
  return view.anchorFileFor(source)?.anchors.map((a) => a.key) ?? [];
}

/** A slug from the first words of `quote`, unique among `existing`. */
export function proposeSlug(quote: string, existing: readonly string[]): string {
  const words = (
    quote
      .toLowerCase()
      .normalize('NFKD')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, 4);
  let base = words.join('-').slice(0, 40).replace(/-+$/, '') || 'anchor';
  if (anchorNameError(base, '')) base = builtInAnchorKind(base) ? `${base}-quote` : 'anchor';
  const taken = new Set(existing.map((k) => k.toLowerCase()));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The proposal shown in the input box. */
export function proposeAnchor(view: WorkspaceView, uri: DocUri, range: Range): AnchorProposal {
  const { source, quote } = selection(view, uri, range);
  const existing = existingKeys(view, source);
  return { sourceId: source.id, slug: proposeSlug(quote, existing), quote, existing };
}

/** The edit that adds anchor `slug` for the selection, and the citation to copy. */
export function createAnchor(view: WorkspaceView, uri: DocUri, range: Range, slug: string): CreateAnchorResult {
  const { source, start, end, quote } = selection(view, uri, range);
  const name = slug.trim();
  const invalid = anchorNameError(name, citedAs(view, source));
  if (invalid) throw new NotesError(invalid);
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
    suffix = suffix.trimEnd();
    const page = pageOf(source, start);
    value = { quote, ...(prefix.trim() ? { prefix } : {}), ...(suffix.trim() ? { suffix } : {}), ...(page !== undefined ? { page } : {}) };
  }
  const anchorFileUri = withoutSourceExtension(source.uri) + ANCHOR_FILE_SUFFIX;
  const existing = view.anchorFileFor(source);
  const text = existing ? (view.text(existing.uri) ?? '') : '';
  const layout = fileLayout(text);
  if (layout.flow) throw new NotesError('This anchor file is written in flow style ({…}); add the anchor to it by hand.');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const key = yamlKey(name);
  const entry =
    typeof value === 'string'
      ? [`${key}: ${yamlScalar(value)}`]
      : [`${key}:`, ...Object.entries(value).map(([k, v]) => `  ${k}: ${typeof v === 'number' ? String(v) : yamlScalar(v)}`)];
  const lines = entry.map((l) => layout.indent + l);
  const at = layout.insertAt;
  const before = at > 0 && text[at - 1] !== '\n' ? eol : '';
  const newText = before + lines.join(eol) + eol;
  const lineIndex = existing ? view.lines(existing.uri) : undefined;
  const endPos = lineIndex ? lineIndex.range({ start: at, end: at }).start : { line: 0, character: 0 };
  return {
    anchorFileUri,
    create: !existing,
    edits: [{ uri: anchorFileUri, range: { start: endPos, end: endPos }, newText }],
    citation: `[[${citedAs(view, source)}#${name}]]`,
  };
}

/** How a citation names the source: its id, or its stem when another source shares the id. */
function citedAs(view: WorkspaceView, source: SourceIndex): string {
  return view.sourcesById(source.id).length > 1 ? source.stem : source.id;
}

/**
 * Where a new top-level entry goes in an anchor file and how it is indented: after the
 * last line, or before a `...` document end; at the column of the first top-level key.
 * Read line by line (a regex with `\s*` across lines took 8.7 s on a file padded with
 * blank lines).
 */
function fileLayout(text: string): { indent: string; insertAt: number; flow: boolean } {
  let indent: string | undefined;
  let insertAt = text.length;
  let flow = false;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const start = offset;
    offset += raw.length + 1;
    const body = line.replace(/^---(?=\s|$)/, '').trimStart();
    if (/^\.\.\.(\s|$)/.test(line)) {
      insertAt = start;
      break;
    }
    if (body === '' || body.startsWith('#') || line.startsWith('%')) continue;
    if (body.startsWith('{') || body.startsWith('[')) flow = true;
    indent ??= line.startsWith('---') ? '' : line.slice(0, line.length - line.trimStart().length);
  }
  return { indent: indent ?? '', insertAt, flow };
}

/**
 * Reads `<stem>.anchors.yaml`: a map from anchor names to text-quote selectors
 * (a plain string is the quote; a map has `quote` and optional `prefix`/`suffix`, and
 * for a PDF `page`).
 * Broken YAML and wrong shapes become GN006 problems at the offending line; the
 * entries that can be read still count.
 */
import { isMap, isPair, isScalar, type Node as YamlNode, type Pair } from 'yaml';
import { isCitableAnchorName } from '../../../../shared/anchorKey.js';
import type { AnchorDefinition, AnchorFileIndex, Span, UncodedProblem } from '../types.js';
import { LineIndex } from '../text.js';
import { builtInAnchorKind } from '../anchors.js';
import { baseName } from '../workspace.js';
import { MAX_YAML_NESTING, parseYamlBounded, plainScalar } from './yaml.js';

export const ANCHOR_FILE_SUFFIX = '.anchors.yaml';
/** YAML errors reported per file. */
const MAX_YAML_ERRORS = 20;
const FIELDS = new Set(['quote', 'prefix', 'suffix', 'page']);

/**
 * Why `name` cannot be given to a new or renamed anchor, or undefined when it can: it
 * must be citable (no white space, `#`, `|`, brackets or quotes) and must not be a
 * built-in anchor such as `L5`, `p1` or `page=3`, which a named anchor would take over.
 */
export function anchorNameError(name: string, sourceName: string): string | undefined {
  if (!isCitableAnchorName(name)) return `\`${name}\` cannot be an anchor name: use no spaces, #, |, brackets or quotes.`;
  const kind = builtInAnchorKind(name);
  if (kind)
    return (
      `\`${name}\` is a ${kind} anchor: a named anchor of that name would take over every citation ` +
      `\`[[${sourceName}#${name}]]\`. Choose another name.`
    );
  return undefined;
}

/** The source stem an anchor file belongs to (`002_a3f2.anchors.yaml` → `002_a3f2`). */
export function anchorFileStem(uri: string): string {
  return baseName(uri).slice(0, -ANCHOR_FILE_SUFFIX.length);
}

function span(node: YamlNode | null | undefined, fallback: Span): Span {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : fallback;
}

/** The name and colon of an anchor file's `name: quote` line. */
const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*:/;
/** Plain scalars YAML's core schema reads as something other than their text (null, booleans, numbers). */
const NOT_TEXT =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0o[0-7]+|0x[0-9a-fA-F]+)$/;

/**
 * The anchors of a file made only of blank lines, comments and `name: quote` lines whose
 * quote is plain on its line and read by YAML as that very text (most anchor files: their
 * YAML took longer than the sources they serve); undefined where any line needs the parser,
 * which then reads the file (and reports what is wrong in it).
 */
export function simpleAnchors(text: string): AnchorDefinition[] | undefined {
  const out: AnchorDefinition[] = [];
  const keys = new Set<string>();
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    if (lineEnd > lineStart && text.charCodeAt(lineStart) !== 35 /* # */) {
      const line = text.slice(lineStart, lineEnd);
      const m = SIMPLE_KEY.exec(line);
      if (!m || line.charCodeAt(m[0].length) !== 32) return undefined;
      const key = m[0].slice(0, -1);
      let start = m[0].length;
      while (line.charCodeAt(start) === 32) start++;
      let end = line.length;
      while (end > start && line.charCodeAt(end - 1) === 32) end--;
      const quote = line.slice(start, end);
      // Not plain on its line, read by YAML as other than its text, or a repeated name: the parser's.
      if (quote === '' || /\s$/.test(quote) || plainScalar(quote) === undefined) return undefined;
      if (NOT_TEXT.test(quote) || NOT_TEXT.test(key) || keys.has(key)) return undefined;
      if (key.length > 1000) return undefined; // YAML allows 1,024 characters before the colon of a key
      keys.add(key);
      const valueStart = lineStart + start;
      out.push({
        key,
        keySpan: { start: lineStart, end: lineStart + key.length },
        quote,
        valueSpan: { start: valueStart, end: valueStart + quote.length },
      });
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return out;
}

/** Indexes one anchor file. Never throws. */
export function parseAnchorFile(uri: string, text: string, version = 0): AnchorFileIndex {
  const simple = simpleAnchors(text);
  if (simple) return { uri, sourceStem: anchorFileStem(uri), version, anchors: simple, problems: [] };
  return anchorFileByParser(uri, text, version);
}

/** `parseAnchorFile` by the YAML parser, whatever the file holds. */
export function anchorFileByParser(uri: string, text: string, version = 0): AnchorFileIndex {
  const lines = new LineIndex(text);
  const problems: UncodedProblem[] = [];
  const anchors: AnchorDefinition[] = [];
  const errorSpans: Span[] = [];
  const report = (s: Span, message: string) => {
    // A shape complaint about text the YAML parser already rejected is noise.
    if (errorSpans.some((e) => s.start <= e.end && e.start <= s.end)) return;
    problems.push({ uri, range: lines.range(s), message });
  };
  const file: AnchorFileIndex = { uri, sourceStem: anchorFileStem(uri), version, anchors, problems };
  let doc;
  try {
    // Duplicate keys are found below: the parser's own check compares every key with
    // every other one (100,000 keys took minutes).
    const read = parseYamlBounded(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
    if ('tooDeepAt' in read) {
      const at = read.tooDeepAt;
      report(
        { start: at, end: Math.min(text.length, at + 1) },
        `Invalid YAML: collections nested more than ${MAX_YAML_NESTING} levels deep (an anchor file needs two); the file is not read`,
      );
      return file;
    }
    doc = read.doc;
  } catch (e) {
    report({ start: 0, end: Math.min(text.length, 1) }, `Invalid anchor file: ${(e as Error).message}`);
    return file;
  }
  const yamlError = (a: number, b: number, message: string) => {
    const at = errorSpan(text, a, b);
    problems.push({ uri, range: lines.range(at), message: `Invalid YAML: ${firstLine(message)}` });
    errorSpans.push({ start: lines.offsetAt({ line: lines.lineOf(at.start), character: 0 }), end: at.end });
  };
  const errors: { pos: [number, number]; message: string }[] = doc.errors.map((e) => ({ pos: e.pos, message: e.message }));
  for (const d of duplicateKeys(doc.contents))
    errors.push({ pos: [d.start, d.end], message: `Map keys must be unique: \`${d.key}\` is written twice` });
  errors.sort((a, b) => a.pos[0] - b.pos[0]);
  // A file of garbage has an error per character: the first ones say enough.
  for (const err of errors.slice(0, MAX_YAML_ERRORS)) yamlError(err.pos[0], err.pos[1], err.message);
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return file;
  if (!isMap(root)) {
    report(
      span(root as YamlNode, { start: 0, end: text.length }),
      'An anchor file must be a map of anchor names to quotes, e.g. `kirby-briefing: John Kirby clarified`',
    );
    return file;
  }
  const seen = new Set<string>();
  for (const item of root.items) {
    if (!isPair(item)) continue;
    const def = readEntry(item as Pair<YamlNode, YamlNode>, report);
    if (!def) continue;
    if (seen.has(def.key)) continue; // the YAML parser already reported the duplicate key
    seen.add(def.key);
    anchors.push(def);
  }
  return file;
}

function readEntry(pair: Pair<YamlNode, YamlNode>, report: (s: Span, message: string) => void): AnchorDefinition | undefined {
  const keyNode = pair.key;
  const keySpan = span(keyNode, { start: 0, end: 0 });
  if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')) {
    report(keySpan, 'An anchor name must be a plain word such as `kirby-briefing`');
    return undefined;
  }
  const key = String(keyNode.value);
  if (!isCitableAnchorName(key)) {
    report(keySpan, `The anchor name \`${key}\` cannot be cited: use no spaces, \`#\`, \`|\`, brackets or quotes`);
    return undefined;
  }
  const value = pair.value;
  const valueSpan = span(value, keySpan);
  if (isScalar(value)) {
    if (typeof value.value !== 'string' || value.value.trim() === '') {
      report(valueSpan.end > valueSpan.start ? valueSpan : keySpan, `Anchor \`${key}\` needs a quote: the exact words of the passage`);
      return undefined;
    }
    return { key, keySpan, quote: value.value, valueSpan };
  }
  if (isMap(value)) {
    const fields: Record<string, string> = {};
    let page: number | undefined;
    let ok = true;
    for (const item of value.items) {
      if (!isPair(item)) continue;
      const k = isScalar(item.key) ? String(item.key.value) : '';
      const vNode = item.value as YamlNode | null;
      const kSpan = span(item.key as YamlNode, valueSpan);
      if (!FIELDS.has(k)) {
        report(kSpan, `Unknown field \`${k}\` in anchor \`${key}\`: expected \`quote\`, \`prefix\`, \`suffix\` or \`page\``);
        continue;
      }
      if (k === 'page') {
        // A PDF page number chooses among repeats of the quote (`page: 12`).
        const n = isScalar(vNode) ? Number(vNode.value) : NaN;
        if (!Number.isInteger(n) || n < 1) {
          report(span(vNode, kSpan), `\`page\` of anchor \`${key}\` must be a page number (1, 2, …)`);
          ok = false;
        } else page = n;
        continue;
      }
      if (!isScalar(vNode) || typeof vNode.value !== 'string') {
        report(span(vNode, kSpan), `\`${k}\` of anchor \`${key}\` must be text`);
        ok = false;
        continue;
      }
      fields[k] = vNode.value;
    }
    if (!ok) return undefined;
    if (!fields.quote || fields.quote.trim() === '') {
      report(keySpan, `Anchor \`${key}\` has no \`quote\`: the exact words of the passage`);
      return undefined;
    }
    const quoteNode = value.get('quote', true) as YamlNode | undefined;
    const def: AnchorDefinition = { key, keySpan, quote: fields.quote, valueSpan: span(quoteNode, valueSpan) };
    if (fields.prefix) def.prefix = fields.prefix;
    if (fields.suffix) def.suffix = fields.suffix;
    if (page !== undefined) def.page = page;
    return def;
  }
  report(
    valueSpan.end > valueSpan.start ? valueSpan : keySpan,
    `Anchor \`${key}\` must be a quote or a map with \`quote\`, \`prefix\`, \`suffix\``,
  );
  return undefined;
}

/** Offsets of the keys that repeat an earlier key of the same map, in every map of the document (linear). */
function duplicateKeys(root: unknown): { start: number; end: number; key: string }[] {
  const out: { start: number; end: number; key: string }[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const item of node.items) {
        const key = item.key as YamlNode | null;
        if (isScalar(key)) {
          const id = `${typeof key.value}:${String(key.value)}`;
          if (seen.has(id) && key.range) out.push({ start: key.range[0], end: key.range[1], key: String(key.value) });
          seen.add(id);
        }
        stack.push(item.value);
      }
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown }).items)) {
      for (const item of (node as { items: unknown[] }).items) stack.push(item);
    }
  }
  return out;
}

/**
 * Where to show a YAML error: its own span, or, when that is the end of the file or a
 * blank line (an unclosed bracket is noticed there), the last line with text before it.
 */
function errorSpan(text: string, a: number, b: number): Span {
  const lineStart = text.lastIndexOf('\n', a - 1) + 1;
  const lineEndAt = text.indexOf('\n', a);
  const line = text.slice(lineStart, lineEndAt < 0 ? text.length : lineEndAt);
  if (a < text.length && line.trim() !== '') return { start: a, end: Math.min(text.length, Math.max(b, a + 1)) };
  let end = lineStart;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  const start = text.lastIndexOf('\n', end - 1) + 1;
  return end > 0 ? { start, end } : { start: 0, end: Math.min(1, text.length) };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

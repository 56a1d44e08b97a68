/**
 * YAML read with its nesting bounded, and scalars written so they read back as written.
 *
 * Reading: The `yaml` library composes nested collections
 * by recursion: about 1,000 levels deep (4,000 `[`), a regular expression it compiles
 * at that depth aborts the whole process (V8's fatal "RegExpCompiler Allocation
 * failed"), which no try/catch can stop, and short of that its errors depend on the
 * thread's stack size (a worker thread and the main thread disagreed). So the text is
 * lexed and parsed into the syntax tree (both flat loops, no recursion) watching the
 * parser's stack of open collections, and a text nested deeper than any anchor file
 * or front matter needs is never composed.
 */
import {
  Composer,
  isMap,
  isScalar,
  Lexer,
  parseDocument,
  Parser,
  YAMLParseError,
  type CST,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';

/** Collections nested deeper than this are refused (an anchor file needs 2, front matter a handful). */
export const MAX_YAML_NESTING = 100;

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** Stray error tokens kept outside the document; anchor files report 20 errors, front matter one. */
const MAX_ERROR_TOKENS = 1000;

/** Lexemes that stand for no source text (document, scalar and flow-error markers). */
const MARKERS = new Set(['\u0002', '\u001f', '\u0018']);
const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

function openCollections(stack: readonly CST.Token[]): number {
  let n = 0;
  for (const t of stack) if (COLLECTIONS.has(t.type)) n++;
  return n;
}

/**
 * Where the syntax tree nests collections deeper than `limit`, walked without
 * recursion. Needed besides the parser's stack: the parser may wrap a finished flow
 * collection into a new map as its key, one level the stack never held.
 */
function deeperThan(tokens: readonly CST.Token[], limit: number): number | undefined {
  const stack: [CST.Token | null | undefined, number][] = [];
  for (const t of tokens) if (t.type === 'document') stack.push([t.value, 0]);
  while (stack.length > 0) {
    const [t, depth] = stack.pop()!;
    if (!t || !COLLECTIONS.has(t.type)) continue;
    if (depth + 1 > limit) return t.offset;
    for (const item of (t as CST.BlockMap | CST.BlockSequence | CST.FlowCollection).items) {
      const { key, value } = item as { key?: CST.Token | null; value?: CST.Token };
      stack.push([key, depth + 1], [value, depth + 1]);
    }
  }
  return undefined;
}

/**
 * The text's first YAML document, as `yaml`'s `parseDocument` reads it (with at most
 * 1,000 stray errors after it), or the offset
 * of a collection nested deeper than `limit` (the composer recurses once per level;
 * its tree may be up to twice as deep, as it reads a pair in a flow sequence as a map).
 */
export function parseYamlBounded(
  text: string,
  options: Options = {},
  limit = MAX_YAML_NESTING,
): { doc: Document.Parsed } | { tooDeepAt: number } {
  // The parser makes an Error per problem it finds, and capturing each one's stack cost
  // more than all the rest (1 MB of `]]` took 34 s): only their positions are used.
  const errors = Error as { stackTraceLimit?: number };
  const stackTraceLimit = errors.stackTraceLimit;
  errors.stackTraceLimit = 0;
  try {
    return parseBounded(text, options, limit);
  } finally {
    errors.stackTraceLimit = stackTraceLimit;
  }
}

function parseBounded(text: string, options: Options, limit: number): { doc: Document.Parsed } | { tooDeepAt: number } {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  let offset = 0;
  let errorTokens = 0;
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) {
      // Text after the document that is nothing but errors (1 MB of `]]`): past the first
      // ones, which come first by position too, they are dropped before becoming Errors.
      if (token.type === 'error' && ++errorTokens > MAX_ERROR_TOKENS) continue;
      tokens.push(token);
    }
    // The stack also holds the document and the token being read: count only when it may matter.
    if (parser.stack.length > limit && openCollections(parser.stack) > limit)
      return { tooDeepAt: Math.min(offset, Math.max(0, text.length - 1)) };
    if (!MARKERS.has(lexeme)) offset += lexeme.length;
  }
  for (const token of parser.end()) tokens.push(token);
  const deep = deeperThan(tokens, limit);
  if (deep !== undefined) return { tooDeepAt: Math.min(deep, Math.max(0, text.length - 1)) };
  // What `parseDocument` does with the tokens: the first document, and an error if more follow.
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(options).compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  return { doc: doc! };
}

/**
 * A value written on one line after `key: ` (without the white space around it), as YAML
 * reads it when it is a plain scalar: itself, or undefined where YAML may read it otherwise
 * (an indicator or white space first; ` #` a comment; `: ` or a final `:` a mapping, an
 * error there). Whether YAML's schema reads it as text (not a number, `true`, `null`) is
 * the caller's to ask.
 */
export function plainScalar(v: string): string | undefined {
  return /^[\s'"[\]{}&*!|>%@`#,?:-]/.test(v) || /\s#|:\s|:$/.test(v) ? undefined : v;
}

/**
 * The value of a YAML text, as `yaml`'s `parse` gives it (aliases expanded at most
 * `maxAliasCount` times); throws on any error, a repeated key or too deep a nesting.
 */
export function yamlValue(text: string, maxAliasCount = 10): unknown {
  // The parser's own repeated-key check compares every key with every other one: done here, linearly.
  const read = parseYamlBounded(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  if ('tooDeepAt' in read) throw new Error(`collections nested more than ${MAX_YAML_NESTING} levels deep`);
  const { doc } = read;
  if (doc.errors.length > 0) throw doc.errors[0]!;
  if (isMap(doc.contents)) {
    const seen = new Set<unknown>();
    for (const item of doc.contents.items) {
      const key = isScalar(item.key) ? item.key.value : item.key;
      if (seen.has(key)) throw new Error('Map keys must be unique');
      seen.add(key);
    }
  }
  return doc.toJS({ maxAliasCount });
}

/** Characters YAML does not allow raw in a double-quoted scalar, which `JSON.stringify` leaves raw. */
const NOT_PRINTABLE = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/g;

/** `text` double-quoted: JSON's escapes are YAML's, plus `\u` for what YAML may not hold raw. */
function doubleQuoted(text: string): string {
  return JSON.stringify(text).replace(NOT_PRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The one key and its value of a one-pair map `source`, or undefined when it is anything else or has an error. */
function onePair(source: string): { key: unknown; value: unknown } | undefined {
  const doc = parseDocument(source, { logLevel: 'silent' });
  if (doc.errors.length > 0 || doc.warnings.length > 0 || !isMap(doc.contents) || doc.contents.items.length !== 1) return undefined;
  const { key, value } = doc.contents.items[0]!;
  return isScalar(key) && isScalar(value) ? { key: key.value, value: value.value } : undefined;
}

/** Candidates for a plain scalar: a letter or digit first, no line break, no flow character. */
const PLAIN = /^[\p{L}\p{N}][^\r\n{}[\],]*$/u;

/**
 * `text` as a one-line YAML value that reads back as exactly `text` in a block map and
 * in a flow map: plain where that is safe (`John Kirby clarified`), else double-quoted
 * (`"true"`, `"123"`, `"a: b"`).
 */
export function yamlScalar(text: string): string {
  if (PLAIN.test(text) && !/\s$/.test(text)) {
    const block = onePair(`k: ${text}`);
    const flow = onePair(`{k: ${text}}`);
    if (block?.value === text && flow?.value === text) return text;
  }
  return doubleQuoted(text);
}

/** `name` as a YAML map key that reads back as exactly the string `name`, block or flow. */
export function yamlKey(name: string): string {
  const plain = !/\s/.test(name) && onePair(`${name}: x`)?.key === name && onePair(`{${name}: x}`)?.key === name;
  return plain ? name : doubleQuoted(name);
}

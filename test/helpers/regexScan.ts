/**
 * Finds the regular expressions of a TypeScript source that can backtrack over a long
 * run: a `\s`, `.`, `\S`, `\w` or class quantified with `*`, `+` or `{n,}`, in a pattern
 * that also has another unbounded quantifier or can start at many positions (no `^`,
 * or the `m` flag). The hang test (`test/unit/redos.test.ts`) must feed every file
 * holding one the "token, long run, token" shapes.
 */

export interface FoundRegex {
  line: number;
  pattern: string;
  flags: string;
}

/** Regex literals and `new RegExp(\`…\`)` templates in `src`, with their line. */
export function regexesIn(src: string): FoundRegex[] {
  const out: FoundRegex[] = [];
  let i = 0;
  let line = 1;
  // The last token: a regex literal may follow an operator or keyword, not a value.
  let prev = '';
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      line += src.slice(i, stop).split('\n').length - 1;
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      i = j + 1;
      prev = 'string';
    } else if (c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== '`') j += src[j] === '\\' ? 2 : 1;
      const body = src.slice(i + 1, j);
      if (/new RegExp\($/.test(src.slice(Math.max(0, i - 12), i))) {
        const flags = /^`\s*,\s*'([a-z]*)'/.exec(src.slice(j, j + 12))?.[1] ?? '';
        out.push({ line, pattern: body.replace(/\\\\/g, '\\'), flags });
      }
      line += body.split('\n').length - 1;
      i = j + 1;
      prev = 'string';
    } else if (c === '/' && (prev === '' || /^[(,=:[!&|?{};+\-*%<>~^]$/.test(prev) || /^(return|typeof|case|of|in)$/.test(prev))) {
      let j = i + 1;
      let inClass = false;
      while (j < src.length && src[j] !== '\n') {
        const d = src[j]!;
        if (d === '\\') j++;
        else if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
        j++;
      }
      const pattern = src.slice(i + 1, j);
      let k = j + 1;
      while (/[a-z]/.test(src[k] ?? '')) k++;
      out.push({ line, pattern, flags: src.slice(j + 1, k) });
      i = k;
      prev = 'regex';
    } else {
      const word = /^[A-Za-z_$][\w$]*/.exec(src.slice(i, i + 64));
      prev = word ? word[0] : c;
      i += word ? word[0].length : 1;
    }
  }
  return out;
}

/** A quantified atom that matches runs of ordinary text or white space. */
const BROAD = /(?:\\s|\\S|\\w|(?<!\\)\.|\[\\s\\S\]|\[\^[^\]]*\]|\[[^\]]*\\s[^\]]*\]|\[ \\t\])(?:[*+]|\{\d+,\})/;
const UNBOUNDED = /(?<!\\)(?:[*+]|\{\d+,\})/g;
/** A pattern that is one quantified atom: it cannot fail after consuming a run. */
const LONE = /^(?:\\.|\[(?:\\.|[^\]])*\]|.)(?:[*+]|\{\d+,\})$/;

/** True when the pattern can backtrack over a long run (see the module comment). */
export function mayBacktrack(pattern: string, flags: string): boolean {
  if (!BROAD.test(pattern) || LONE.test(pattern)) return false;
  const manyStarts = !pattern.startsWith('^') || flags.includes('m');
  return manyStarts || (pattern.match(UNBOUNDED) ?? []).length >= 2;
}

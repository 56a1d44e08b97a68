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
    } else if ((c === '"' || c === "'" || c === '`') && /new RegExp\(\s*$/.test(src.slice(Math.max(0, i - 24), i))) {
      // The pattern of `new RegExp(…)`: a string or template, or a `+` chain of them.
      const { pattern, flags, end } = regExpArgument(src, i);
      out.push({ line, pattern, flags });
      line += src.slice(i, end).split('\n').length - 1;
      i = end;
      prev = 'string';
    } else if (c === '"' || c === "'" || c === '`') {
      const end = literalEnd(src, i);
      line += src.slice(i, end).split('\n').length - 1;
      i = end;
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

/** The offset after the string or template literal that opens at `i` (a string ends at its line's end at the latest). */
function literalEnd(src: string, i: number): number {
  const q = src[i]!;
  let j = i + 1;
  while (j < src.length && src[j] !== q && (q === '`' || src[j] !== '\n')) j += src[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** The pattern (`\\` read as `\`), flags and end of a `new RegExp(` argument written as literals joined by `+`. */
function regExpArgument(src: string, i: number): { pattern: string; flags: string; end: number } {
  let pattern = '';
  let at = i;
  for (;;) {
    const end = literalEnd(src, at);
    pattern += src.slice(at + 1, end - 1).replace(/\\\\/g, '\\');
    const next = /^\s*\+\s*(?=["'`])/.exec(src.slice(end, end + 200));
    if (!next) {
      const flags = /^\s*,\s*'([a-z]*)'/.exec(src.slice(end, end + 40))?.[1] ?? '';
      return { pattern, flags, end };
    }
    at = end + next[0].length;
  }
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

// An independent, deliberately small reader of Markdown notes as Obsidian, Foam,
// Dendron and plain Markdown tools read them: where prose is (not code, comments
// or front matter), which links a note holds, which headings and block ids it has.
// Written from the tools' documentation (help.obsidian.md, Foam's docs, Dendron's
// docs, CommonMark), not from Grounded Notes' parser, so that it can judge it.

/** Kinds of text that are not prose in a given tool: links there are not links. */
export const NON_PROSE = ['front matter', 'fenced code', 'indented code', 'code span', 'HTML comment', '%% comment', 'math'];

// A fence may open a list item or sit in a quote (`- ```js`, `> ~~~`), as in outliner notes.
const FENCE = /^([ \t]*(?:(?:[-*+]|\d+[.)]|>)[ \t]*)*)(`{3,}|~{3,})/;
const LIST_ITEM = /^\s*([-*+]|\d+[.)])(\s|$)/;

/** Line start offsets of a text (index i = offset of line i, 0-based). */
export function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** Regions [start, end, kind] of a note that are not prose for the tool (`obsidian` adds `%% comments %%`). */
export function nonProseRegions(text, convention) {
  const regions = [];
  const lines = text.split('\n');
  const starts = lineStarts(text);
  let i = 0;
  if (lines[0]?.trimEnd() === '---') {
    const end = lines.findIndex((l, k) => k > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (end > 0) {
      regions.push([0, starts[end] + lines[end].length, 'front matter']);
      i = end + 1;
    }
  }
  let fence = null;
  let fenceStart = 0;
  let lastOuter = '';
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      const close = /^(`{3,}|~{3,})\s*$/.exec(line.replace(/^[ \t>]*/, '').trim());
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) {
        regions.push([fenceStart, starts[i] + line.length, 'fenced code']);
        fence = null;
      }
      continue;
    }
    // An HTML block that opens with a comment runs to the line that closes it (CommonMark).
    if (/^ {0,3}<!--/.test(line)) {
      let k = i;
      while (k < lines.length && !lines[k].includes('-->', k === i ? line.indexOf('<!--') + 4 : 0)) k++;
      const last = Math.min(k, lines.length - 1);
      regions.push([starts[i], starts[last] + lines[last].length, 'HTML comment']);
      i = last;
      continue;
    }
    const m = FENCE.exec(line);
    if (m && !(m[2][0] === '`' && line.slice(m[0].length).includes('`'))) {
      fence = m[2];
      fenceStart = starts[i];
      continue;
    }
    const indented = /^( {4}|\t)/.test(line) && line.trim() !== '';
    const prevBlank = i === 0 || lines[i - 1].trim() === '' || isIndentedCode(regions, starts[i - 1]);
    if (indented && prevBlank && !LIST_ITEM.test(lastOuter) && !lastOuter.startsWith('>') && !isContinuation(lines, i)) {
      regions.push([starts[i], starts[i] + line.length, 'indented code']);
      continue;
    }
    if (line.trim() !== '' && !/^( {4}|\t)/.test(line)) lastOuter = line;
  }
  if (fence) regions.push([fenceStart, text.length, 'fenced code']);
  return mergeInline(text, regions, convention);
}

function isIndentedCode(regions, offset) {
  const r = regions[regions.length - 1];
  return r !== undefined && r[2] === 'indented code' && r[0] === offset;
}

// An indented line inside a list (any list item above it in the same run of
// non-blank-separated blocks) continues the list, it is not code.
function isContinuation(lines, i) {
  for (let k = i - 1; k >= 0; k--) {
    const l = lines[k];
    if (l.trim() === '') continue;
    if (/^( {4}|\t)/.test(l)) {
      if (LIST_ITEM.test(l)) return true;
      continue;
    }
    return LIST_ITEM.test(l);
  }
  return false;
}

// Code spans, HTML comments and (Obsidian) %% comments, scanned left to right
// over the text outside the block regions; whichever opens first wins.
function mergeInline(text, blocks, convention) {
  const out = [...blocks];
  const sorted = [...blocks].sort((a, b) => a[0] - b[0]);
  let b = 0;
  let i = 0;
  while (i < text.length) {
    while (b < sorted.length && sorted[b][1] <= i) b++;
    if (b < sorted.length && sorted[b][0] <= i) {
      i = sorted[b][1];
      continue;
    }
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    // A [[wiki link]] closed on its line is read before code spans: Obsidian links
    // ``[[Note#`code` heading]]`` as a whole.
    if (c === '[' && text[i + 1] === '[') {
      const m = /^\[\[[^[\]\n]*\]\]/.exec(text.slice(i, i + 500));
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    if (c === '`') {
      let n = 1;
      while (text[i + n] === '`') n++;
      const close = findClosingTicks(text, i + n, n);
      if (close >= 0) {
        out.push([i, close + n, 'code span']);
        i = close + n;
      } else i += n;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      const stop = end < 0 ? text.length : end + 3;
      out.push([i, stop, 'HTML comment']);
      i = stop;
      continue;
    }
    // Math (Obsidian's MathJax, VS Code's and GitHub's KaTeX): `$$…$$`, or `$…$` with no space
    // inside its dollars and no digit after the closing one; never past a blank line.
    if (c === '$') {
      const stop = mathEnd(text, i);
      if (stop > 0) {
        out.push([i, stop, 'math']);
        i = stop;
        continue;
      }
    }
    if (convention === 'obsidian' && text.startsWith('%%', i)) {
      const end = text.indexOf('%%', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out.push([i, stop, '%% comment']);
      i = stop;
      continue;
    }
    i++;
  }
  return out.sort((a, b) => a[0] - b[0]);
}

// Where math opened by the `$` at `i` ends, or -1 when that `$` opens none.
const BLANK = /\n[ \t]*\n/g;
function mathEnd(text, i) {
  BLANK.lastIndex = i;
  const blank = BLANK.exec(text);
  const limit = blank ? blank.index : text.length;
  if (text[i + 1] === '$') {
    const close = text.indexOf('$$', i + 2);
    return close >= 0 && close < limit ? close + 2 : -1;
  }
  if (/\s/.test(text[i + 1] ?? ' ')) return -1;
  for (let k = text.indexOf('$', i + 1); k >= 0 && k < limit; k = text.indexOf('$', k + 1)) {
    if (text[k - 1] === '\\' || /\s/.test(text[k - 1]) || /\d/.test(text[k + 1] ?? '')) continue;
    return k + 1;
  }
  return -1;
}

// A code span closes at the next run of exactly n backticks within the paragraph.
function findClosingTicks(text, from, n) {
  let i = from;
  while (i < text.length) {
    if (text[i] === '\n' && /^\n\s*\n/.test(text.slice(i, i + 40))) return -1;
    if (text[i] === '`') {
      let k = 1;
      while (text[i + k] === '`') k++;
      if (k === n) return i;
      i += k;
    } else i++;
  }
  return -1;
}

/** The non-prose kind at an offset, or undefined. */
export function regionAt(regions, offset) {
  for (const r of regions) if (r[0] <= offset && offset < r[1]) return r[2];
  return undefined;
}

const WIKI = /(!?)\[\[([^[\]\n]*?)\]\]/g;
const INLINE =
  /(!?)\[((?:[^[\]\n]|\[[^[\]\n]*\])*)\]\(\s*(<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g;
const REFDEF = /^ {0,3}\[([^\]\n]+)\]:\s*(<[^>\n]*>|\S+)/;

/**
 * Every link of a note with its offsets: `wiki` ([[…]]), `embed` (![[…]]), `md` ([t](d), ![a](d)),
 * `refdef` ([x]: d). Links in non-prose regions are skipped, except wiki links in quoted front-matter
 * values when `frontMatterLinks` (Obsidian properties).
 */
export function scanLinks(text, regions, { frontMatterLinks = false } = {}) {
  const links = [];
  const blocked = (start, end) => {
    const kind = regionAt(regions, start) ?? regionAt(regions, end - 1);
    if (kind === 'front matter' && frontMatterLinks) return !/["']\s*$/.test(text.slice(Math.max(0, start - 3), start));
    return kind !== undefined;
  };
  for (const m of text.matchAll(WIKI)) {
    if (m.index > 0 && text[m.index - 1] === '\\' && m[1] === '') continue;
    const start = m.index;
    const end = start + m[0].length;
    if (blocked(start + m[1].length, end)) continue;
    links.push({ kind: m[1] ? 'embed' : 'wiki', start, end, raw: m[0], inner: m[2] });
  }
  const wikiSpans = links.map((l) => [l.start, l.end]);
  for (const m of text.matchAll(INLINE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start > 0 && text[start - 1] === '\\') continue;
    if (wikiSpans.some(([s, e]) => start < e && s < end && !(start <= s && e <= end))) continue;
    if (blocked(start, end)) continue;
    links.push({ kind: 'md', image: m[1] === '!', start, end, raw: m[0], dest: m[3] });
  }
  const starts = lineStarts(text);
  text.split('\n').forEach((line, n) => {
    const m = REFDEF.exec(line);
    if (!m || m[1].startsWith('^')) return;
    const start = starts[n];
    if (blocked(start, start + line.length)) return;
    links.push({ kind: 'refdef', start, end: start + line.length, raw: line, dest: m[2] });
  });
  return links.sort((a, b) => a.start - b.start);
}

/** True when a Markdown link destination points outside the workspace (a URL, mail, …). */
export function isExternal(dest) {
  if (dest.startsWith('<') && dest.endsWith('>')) dest = dest.slice(1, -1);
  return /^[a-z][a-z0-9+.-]*:/i.test(dest) || dest.startsWith('//');
}

/** Markdown-link destination → { path, fragment } decoded (`<…>`, `%20`, `?query` dropped). */
export function splitDest(dest) {
  let d = dest.trim();
  if (d.startsWith('<') && d.endsWith('>')) d = d.slice(1, -1);
  const hash = d.indexOf('#');
  let path = hash < 0 ? d : d.slice(0, hash);
  const fragment = hash < 0 ? undefined : d.slice(hash + 1);
  const q = path.indexOf('?');
  if (q >= 0) path = path.slice(0, q);
  return { path: safeDecode(path), fragment: fragment === undefined ? undefined : safeDecode(fragment) };
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** ATX and setext headings outside code, in order: { text, level, line }. */
export function scanHeadings(text, regions) {
  const out = [];
  const lines = text.split('\n');
  const starts = lineStarts(text);
  lines.forEach((line, n) => {
    const kind = regionAt(regions, starts[n]);
    if (kind && kind !== '%% comment' && kind !== 'HTML comment') return;
    const m = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (m) {
      out.push({ text: (m[2] ?? '').trim(), level: m[1].length, line: n });
      return;
    }
    const next = lines[n + 1];
    if (
      next !== undefined &&
      line.trim() !== '' &&
      /^ {0,3}(=+|-+)[ \t]*$/.test(next) &&
      !LIST_ITEM.test(line) &&
      !regionAt(regions, starts[n + 1])
    ) {
      out.push({ text: line.trim(), level: next.trim()[0] === '=' ? 1 : 2, line: n });
    }
  });
  return out;
}

/** Block ids `^id` at the end of a line (after a space or an embed) or alone on a line, outside code. */
export function scanBlockIds(text, regions) {
  const ids = new Set();
  const starts = lineStarts(text);
  text.split('\n').forEach((line, n) => {
    // The docs say "a blank space, then ^id"; Obsidian's own help also writes `![[image.png]]^id`.
    const m = /(?:^|\s|\]\]|\))\^([A-Za-z0-9-]+)\s*$/.exec(line);
    if (!m) return;
    const kind = regionAt(regions, starts[n] + m.index + m[0].indexOf('^'));
    if (kind === 'fenced code' || kind === 'indented code' || kind === 'front matter' || kind === 'code span') return;
    ids.add(m[1].toLowerCase());
  });
  return ids;
}

/** HTML anchors (`id="x"`, `name="x"`) and `{#x}` attributes that Markdown renderers link to. */
export function scanHtmlAnchors(text) {
  const ids = new Set();
  for (const m of text.matchAll(/\b(?:id|name)\s*=\s*["']([^"']+)["']/g)) ids.add(m[1].toLowerCase());
  for (const m of text.matchAll(/\{#([\w-]+)[^}]*\}/g)) ids.add(m[1].toLowerCase());
  return ids;
}

/**
 * A heading as Obsidian compares it (its API's `stripHeading`: "strips special characters and
 * shrinks consecutive spaces"): punctuation made a space, runs of space one space, case folded.
 * Real vaults rely on more than `# | ^ : % [ ]`: `[[README#What is the Hub]]` for `## What is the Hub?`.
 */
export function obsidianKey(s) {
  return s
    .toLowerCase()
    .replace(/[!"#$%&()*+,.:;<=>?@^`{|}~/[\]\\]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Inline markup removed: emphasis, code ticks, highlights, links reduced to their text. */
export function stripMarkup(s) {
  return s
    .replace(/\[\[([^\]|]*)\|([^\]]*)\]\]/g, '$2')
    .replace(/\[\[([^\]]*)\]\]/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|==|~~|\*|`)/g, '')
    .replace(/(^|\s)_([^_]+)_(?=\s|$)/g, '$1$2');
}

/** GitHub's heading slug (as VS Code, GitHub and remark-validate-links use): lower case, punctuation dropped, spaces to `-`. */
export function githubSlug(s) {
  return stripMarkup(s)
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every key a heading answers to, per convention: Obsidian text keys, GitHub slugs (with -1, -2 duplicates). */
export function headingKeys(headings) {
  const exact = new Set();
  const text = new Set();
  const slugs = new Set();
  const seen = new Map();
  for (const h of headings) {
    exact.add(h.text.trim());
    text.add(obsidianKey(h.text));
    text.add(obsidianKey(stripMarkup(h.text)));
    text.add(h.text.toLowerCase().trim());
    const base = githubSlug(h.text);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    slugs.add(n === 0 ? base : `${base}-${n}`);
    slugs.add(base);
  }
  return { exact, text, slugs };
}

// The judge of "really broken in that vault's own tool": for a link (or a reported
// problem) it decides from the vault's files whether the target exists under the
// tool's documented rules. Kept separate from Grounded Notes' code on purpose.
//
// Rules, from the tools' own documentation:
// - Obsidian (help.obsidian.md "Internal links", "Embed files", "Basic formatting syntax",
//   "Properties"): a link names a file by vault path, by a path suffix or by its name
//   anywhere, case-insensitively; `.md` may be left out, other extensions may not;
//   attachments of any kind; `#Heading` by its text (`# | ^ : % [ ]` cannot appear in
//   links and are ignored), `#H1#H2` nested, `#^id` a block id, `[[#…]]` the same note;
//   `|` (escaped `\|` in tables) starts the label; `%% … %%` is a comment; quoted
//   `"[[x]]"` property values are links; aliases only feed autocompletion.
// - Foam (docs/user/features/wikilinks.md, block-anchors.md, link-reference-definitions.md):
//   identifier links by any unique path suffix, path links starting with `/` or `.`,
//   folders open their index.md or README.md, sections by title, `#^id` blocks.
// - Dendron (vault/dendron.topic.links.*, dendron.topic.note-reference.md): `[[label|target]]`,
//   hierarchy names `a.b.c` in the vaults `dendron.yml` lists, `dendron://vault/` prefixes,
//   files by path from the workspace root (`/assets/…` from the note's vault first), headers by slug, `#^begin`, `#^end`, `#^id`,
//   ranges `#a:#b`, offsets `,N`, `#*`, wildcards `a.b.*`; a parent of an existing note is a
//   stub note, which exists.
// - Logseq (logseq/docs): a page is a file in pages/ or journals/ (`___` stands for `/`), or
//   its `title::` / `alias::`; a link to any other page is valid too: Logseq creates it.
// - Markdown links `[t](d)` and definitions `[x]: d` (CommonMark, VS Code's Markdown
//   validation): the destination decoded (`<…>`, `%20`), relative to the note or (`/…`)
//   to the workspace root, a folder is fine, `#fragment` a GitHub slug or HTML anchor;
//   Obsidian also reads them as internal links; URLs are never judged.
//
// Usage: node scripts/vault-oracle.mjs DIR[=convention] REPORTS.json   (prints one verdict a line)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  headingKeys,
  isExternal,
  lineStarts,
  nonProseRegions,
  obsidianKey,
  regionAt,
  scanBlockIds,
  scanHeadings,
  scanHtmlAnchors,
  scanLinks,
  splitDest,
  stripMarkup,
} from './vault-scan.mjs';

// `markdown`: no marker, the superset of Obsidian and Foam; `commonmark`: plain Markdown as GitHub,
// GitBook or VS Code read it (relative Markdown links only; `[[x]]` is text).
export const CONVENTIONS = ['obsidian', 'foam', 'dendron', 'logseq', 'markdown', 'commonmark'];
const SKIP_DIRS = new Set(['node_modules', '.git']);

/** The vault's tool, from its marker files (`.obsidian/`, `dendron.yml`, Foam settings, `logseq/`), else `markdown`. */
export function detectConvention(dir) {
  if (existsSync(join(dir, '.obsidian'))) return 'obsidian';
  if (existsSync(join(dir, 'dendron.yml'))) return 'dendron';
  if (existsSync(join(dir, 'logseq', 'config.edn'))) return 'logseq';
  if (existsSync(join(dir, '.foam'))) return 'foam';
  for (const f of ['.vscode/settings.json', '.vscode/extensions.json']) {
    const p = join(dir, f);
    if (existsSync(p) && /foam/i.test(readFileSync(p, 'utf8'))) return 'foam';
  }
  return 'markdown';
}

function walk(dir, rel, out, dirs) {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    if (SKIP_DIRS.has(e.name)) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      dirs.add(r.toLowerCase());
      walk(dir, r, out, dirs);
    } else if (e.isFile() || e.isSymbolicLink()) out.push(r);
  }
}

const isNote = (p) => /\.md$/i.test(p);
const hidden = (p) => p.split('/').some((s) => s.startsWith('.'));

/** A vault on disk: its files by lower-cased path and name, and each note read on demand. */
export class Vault {
  constructor(dir, convention = detectConvention(dir)) {
    this.dir = dir;
    this.convention = convention;
    const files = [];
    this.dirs = new Set();
    walk(dir, '', files, this.dirs);
    this.files = files;
    this.byPath = new Map();
    this.byName = new Map();
    for (const f of files) {
      // Obsidian and Foam leave hidden folders out of the vault.
      if (hidden(f) && convention !== 'commonmark') continue;
      const lower = f.toLowerCase();
      this.byPath.set(lower, f);
      const name = basename(lower);
      if (!this.byName.has(name)) this.byName.set(name, []);
      this.byName.get(name).push(f);
    }
    // The tools leave hidden folders (.github, .trash, …) out of the vault; plain Markdown keeps them.
    this.notes = files.filter((f) => isNote(f) && (convention === 'commonmark' || !hidden(f)));
    this.cache = new Map();
    if (convention === 'dendron') this.dendron = readDendron(dir, this.notes);
    if (convention === 'logseq') this.logseq = readLogseq(this);
  }

  /** A note's text and what the judge reads from it (cached). */
  note(rel) {
    let n = this.cache.get(rel);
    if (n) return n;
    // CRLF read as LF: line and column numbers stay the same, and every line regex stays simple.
    const text = readFileSync(join(this.dir, rel), 'utf8').replace(/\r\n?/g, '\n');
    const regions = nonProseRegions(text, this.convention);
    n = { rel, text, regions, starts: lineStarts(text) };
    n.links = scanLinks(text, regions, { frontMatterLinks: this.convention === 'obsidian' || this.convention === 'markdown' });
    if (this.convention === 'commonmark') n.links = n.links.filter((l) => l.kind === 'md' || l.kind === 'refdef');
    Object.defineProperty(n, 'anchors', { get: () => (n._a ??= anchorsOf(text, regions)) });
    this.cache.set(rel, n);
    return n;
  }
}

function anchorsOf(text, regions) {
  const headings = scanHeadings(text, regions);
  return { headings, keys: headingKeys(headings), blocks: scanBlockIds(text, regions), html: scanHtmlAnchors(text) };
}

function readDendron(dir, notes) {
  const yml = readFileSync(join(dir, 'dendron.yml'), 'utf8');
  const vaults = [];
  for (const m of yml.matchAll(/fsPath:\s*['"]?([^'"\n]+?)['"]?\s*$/gm)) vaults.push({ fsPath: m[1].trim() });
  const names = [...yml.matchAll(/^\s*-?\s*name:\s*['"]?([^'"\n]+?)['"]?\s*$/gm)].map((m) => m[1].trim());
  const fnames = new Map();
  for (const n of notes) {
    const v = vaults.find((x) => n.toLowerCase().startsWith(`${x.fsPath.toLowerCase()}/`));
    if (!v || n.slice(v.fsPath.length + 1).includes('/')) continue;
    fnames.set(basename(n).slice(0, -3).toLowerCase(), n);
  }
  return { vaults, names: new Set([...names, ...vaults.map((v) => v.fsPath)].map((s) => s.toLowerCase())), fnames };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ordinal = (d) => `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;

function readLogseq(vault) {
  const pages = new Map();
  const add = (name, file) => {
    const key = name.toLowerCase().trim();
    pages.set(key, file);
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) if (!pages.has(parts.slice(0, i).join('/'))) pages.set(parts.slice(0, i).join('/'), null);
  };
  for (const f of vault.files) {
    const m = /^(pages|journals)\/(.+)\.(md|org)$/i.exec(f);
    if (!m) continue;
    let stem = m[2];
    try {
      stem = decodeURIComponent(stem);
    } catch {
      /* keep the raw name */
    }
    add(stem.replace(/___/g, '/'), f);
    const head = readFileSync(join(vault.dir, f), 'utf8').slice(0, 2000);
    const title = /^\s*title::\s*(.+)$/im.exec(head);
    if (title) add(title[1], f);
    const alias = /^\s*alias::\s*(.+)$/im.exec(head);
    if (alias) for (const a of alias[1].split(',')) add(a.replace(/[[\]]/g, ''), f);
    const d = /^journals\/(\d{4})_(\d{2})_(\d{2})$/i.exec(`${m[1]}/${m[2]}`);
    if (d) {
      const [y, mo, da] = [d[1], Number(d[2]), Number(d[3])];
      add(`${MONTHS[mo - 1]} ${ordinal(da)}, ${y}`, f);
      add(`${y}-${d[2]}-${d[3]}`, f);
    }
  }
  return { pages };
}

// ---------------------------------------------------------------- targets

function fileAt(vault, p) {
  const lower = p.toLowerCase();
  return vault.byPath.get(lower) ?? vault.byPath.get(`${lower}.md`);
}

function folderIndex(vault, p) {
  const lower = p.toLowerCase().replace(/\/$/, '');
  if (!vault.dirs.has(lower)) return undefined;
  return vault.byPath.get(`${lower}/index.md`) ?? vault.byPath.get(`${lower}/readme.md`) ?? `${p}/`;
}

const normal = (p) => posix.normalize(p).replace(/^\.\//, '');

/** Obsidian/Foam wiki target → the file it opens, or undefined. Name anywhere, vault path, path suffix, relative. */
function resolveWikiTarget(vault, from, target) {
  const t = target.trim().replace(/\\/g, '/');
  if (t === '') return from;
  const fromDir = posix.dirname(from);
  if (t.startsWith('./') || t.startsWith('../')) {
    const p = normal(posix.join(fromDir, t));
    return fileAt(vault, p) ?? folderIndex(vault, p);
  }
  const p = t.replace(/^\/+/, '');
  const exact = fileAt(vault, p) ?? fileAt(vault, normal(posix.join(fromDir, p)));
  if (exact) return exact;
  const lower = p.toLowerCase();
  for (const name of [basename(lower), `${basename(lower)}.md`]) {
    for (const f of vault.byName.get(name) ?? []) {
      const fl = f.toLowerCase();
      if (fl === lower || fl === `${lower}.md` || fl.endsWith(`/${lower}`) || fl.endsWith(`/${lower}.md`)) return f;
    }
  }
  if (vault.convention !== 'obsidian') return folderIndex(vault, p);
  return undefined;
}

/** Markdown link destination → file (relative to the note, `/` = workspace root; Obsidian also by name). */
function resolveMdPath(vault, from, path) {
  if (path === '') return from;
  const p = path.startsWith('/') ? normal(path.slice(1)) : normal(posix.join(posix.dirname(from), path));
  const hit = fileAt(vault, p) ?? folderIndex(vault, p);
  if (hit) return hit;
  // Outside the folder: Obsidian cannot open it; VS Code and Markdown renderers open what is on disk.
  if (p.startsWith('../') && vault.convention !== 'obsidian' && existsSync(join(vault.dir, p))) return `${p}`;
  if (vault.convention === 'obsidian' || vault.convention === 'markdown') return resolveWikiTarget(vault, from, path);
  if (vault.convention === 'dendron') {
    // `/assets/…` starts at the note's vault: Dendron keeps assets in each vault (dendron.topic.images.md).
    const v = vault.dendron.vaults.find((x) => from.toLowerCase().startsWith(`${x.fsPath.toLowerCase()}/`));
    const inVault = v && path.startsWith('/') ? fileAt(vault, normal(`${v.fsPath}${path}`)) : undefined;
    return inVault ?? fileAt(vault, normal(path.replace(/^\//, '')));
  }
  return undefined;
}

// ---------------------------------------------------------------- fragments

// How a fragment names a heading: 'exact' text, 'by text' (case or punctuation as the tool
// ignores it), 'slug' (GitHub style) or 'html anchor'; undefined when none matches.
function headingMatch(vault, file, part, { slugs, text }) {
  const a = vault.note(file).anchors;
  if (text && a.keys.exact.has(part.trim())) return 'exact';
  const keys = [obsidianKey(part), obsidianKey(stripMarkup(part)), part.toLowerCase().trim()];
  if (text && keys.some((k) => a.keys.text.has(k))) return 'by text';
  if (slugs && a.keys.slugs.has(part.toLowerCase())) return 'slug';
  if (slugs && a.html.has(part.toLowerCase())) return 'html anchor';
  return undefined;
}

function blockFound(vault, file, id) {
  return vault.note(file).anchors.blocks.has(id.toLowerCase());
}

/** Obsidian/Foam fragment `H`, `H1#H2`, `^id` in a note: a failure reason, or undefined; notes how headings matched. */
function checkFragment(vault, file, fragment, how, features = []) {
  if (fragment === undefined || fragment === '' || !isNote(file)) return undefined;
  const parts = fragment.split('#').filter((p) => p !== '');
  for (const part of parts) {
    if (part.startsWith('^')) {
      if (!blockFound(vault, file, part.slice(1))) return `no block ^${part.slice(1)}`;
      continue;
    }
    const m = headingMatch(vault, file, part, how);
    if (!m) return `no heading "${part}"`;
    if (m !== 'exact') features.push(`heading ${m}`);
  }
  return undefined;
}

/** Dendron anchor `h1`, `h1,1:#*`, `^begin`, `^id`, `*`. */
function checkDendronAnchors(vault, file, anchors) {
  if (anchors === undefined || anchors === '') return undefined;
  for (let piece of anchors.split(':')) {
    piece = piece.replace(/^#/, '').replace(/,\d+$/, '');
    if (piece === '*' || piece === '^begin' || piece === '^end' || piece === '') continue;
    if (piece.startsWith('^')) {
      if (!blockFound(vault, file, piece.slice(1))) return `no block ^${piece.slice(1)}`;
    } else if (!headingMatch(vault, file, piece, { slugs: true, text: true })) return `no header "${piece}"`;
  }
  return undefined;
}

// ---------------------------------------------------------------- one link

/**
 * Judges one link of a note: { status: 'ok' | 'broken' | 'external', reason, target, features }.
 * `features` name the forms the link uses (same-note, attachment, folder path, …).
 */
export function judgeLink(vault, from, link) {
  if (link.kind === 'md' || link.kind === 'refdef') return judgeMarkdownLink(vault, from, link);
  if (vault.convention === 'dendron') return judgeDendron(vault, from, link);
  if (vault.convention === 'logseq') return judgeLogseq(vault, from, link);
  return judgeWiki(vault, from, link);
}

function wikiParts(inner) {
  const bar = inner.indexOf('|');
  let target = bar < 0 ? inner : inner.slice(0, bar);
  const escaped = target.endsWith('\\');
  if (escaped) target = target.slice(0, -1);
  const hash = target.indexOf('#');
  return {
    name: hash < 0 ? target : target.slice(0, hash),
    fragment: hash < 0 ? undefined : target.slice(hash + 1),
    escaped,
    label: bar < 0 ? undefined : inner.slice(bar + 1),
  };
}

function judgeWiki(vault, from, link) {
  const { name, fragment, escaped } = wikiParts(link.inner);
  const features = [];
  if (escaped) features.push('escaped pipe');
  if (link.kind === 'embed') features.push('embed');
  if (name.trim() === '') features.push('same-note');
  if (name.includes('/')) features.push('folder path');
  if (/\.md$/i.test(name.trim())) features.push('.md extension');
  if (fragment?.includes('^')) features.push('block ref');
  if (fragment && fragment.split('#').filter(Boolean).length > 1) features.push('nested heading');
  if (regionAt(vault.note(from).regions, link.start) === 'front matter') features.push('front-matter link');
  const target = resolveWikiTarget(vault, from, name);
  if (!target) return { status: 'broken', reason: aliasOnly(vault, name) ? 'names an alias only' : 'no such note or file', features };
  if (!isNote(target)) features.push('attachment');
  if (target.endsWith('/')) features.push('folder');
  if (!sameCase(target, name)) features.push('case differs');
  const how = vault.convention === 'obsidian' ? { text: true, slugs: false } : { text: true, slugs: true };
  const why = checkFragment(vault, target, fragment, how, features);
  if (fragment && !fragment.includes('^')) headingFeatures(fragment, features);
  return why ? { status: 'broken', reason: why, target, features } : { status: 'ok', target, features };
}

function headingFeatures(fragment, features) {
  if (/[`*_=~[\]]/.test(fragment)) features.push('markup in heading');
}

function sameCase(target, name) {
  const t = name.trim().replace(/^\/+/, '').replace(/\.md$/i, '');
  return target.replace(/\.md$/i, '').endsWith(t);
}

function aliasOnly(vault, name) {
  const key = name.trim().toLowerCase();
  if (key === '' || vault.notes.length > 20000) return false;
  vault.aliases ??= readAliases(vault);
  return vault.aliases.has(key);
}

function readAliases(vault) {
  const out = new Set();
  for (const f of vault.notes) {
    const n = vault.note(f);
    const fm = n.regions.find((r) => r[2] === 'front matter' && r[0] === 0);
    if (!fm) continue;
    const yaml = n.text.slice(0, fm[1]);
    const m = /^(?:aliases|alias):\s*(.*)$/m.exec(yaml);
    if (!m) continue;
    const inline = m[1].trim();
    const items = inline && inline !== '[]' ? inline.replace(/^\[|\]$/g, '').split(',') : [];
    const after = yaml.slice(m.index + m[0].length).split('\n');
    for (const l of after.slice(1)) {
      const li = /^\s*-\s*(.+)$/.exec(l);
      if (!li) break;
      items.push(li[1]);
    }
    for (const it of items)
      out.add(
        it
          .trim()
          .replace(/^["']|["']$/g, '')
          .toLowerCase(),
      );
  }
  return out;
}

function judgeMarkdownLink(vault, from, link) {
  const features = ['Markdown link'];
  const dest = link.dest.trim();
  if (dest === '' || isExternal(dest)) return { status: 'external', features };
  // Logseq's labelled references: [label]([[page]]) and [label](((block-uuid))).
  const page = /^\[\[(.*)\]\]$/.exec(dest);
  if (page && vault.convention === 'logseq') return judgeLogseq(vault, from, { ...link, inner: page[1] });
  if (/^\(\(.*\)\)$/.test(dest) && vault.convention === 'logseq') return { status: 'ok', features: ['block ref'] };
  const { path, fragment } = splitDest(dest);
  if (dest.startsWith('<') || /%[0-9a-f]{2}/i.test(dest)) features.push('encoded or <…> path');
  if (path === '') features.push('same-note');
  const target = resolveMdPath(vault, from, path);
  if (!target) return { status: 'broken', reason: 'no such file', features };
  if (!isNote(target)) features.push(target.endsWith('/') ? 'folder' : 'attachment');
  if (fragment === undefined || fragment === '' || !isNote(target)) return { status: 'ok', target, features };
  const how = { text: vault.convention === 'obsidian' || vault.convention === 'foam' || vault.convention === 'markdown', slugs: true };
  const why = checkFragment(vault, target, fragment, how, features);
  return why ? { status: 'broken', reason: why, target, features } : { status: 'ok', target, features };
}

function judgeDendron(vault, from, link) {
  const features = [];
  const bar = link.inner.lastIndexOf('|');
  let target = bar < 0 ? link.inner : link.inner.slice(bar + 1);
  if (bar >= 0) features.push('label first');
  target = target.trim();
  const prefix = /^dendron:\/\/([^/]+)\//i.exec(target);
  if (prefix) {
    features.push('dendron:// prefix');
    target = target.slice(prefix[0].length);
    if (!vault.dendron.names.has(prefix[1].toLowerCase())) return { status: 'broken', reason: `no vault ${prefix[1]}`, features };
  }
  const hash = target.indexOf('#');
  const name = hash < 0 ? target : target.slice(0, hash);
  const anchors = hash < 0 ? undefined : target.slice(hash + 1);
  if (anchors && /[:,*]|\^begin|\^end/.test(anchors)) features.push('note-ref range');
  if (anchors?.startsWith('^')) features.push('block ref');
  if (link.kind === 'embed') features.push('embed');
  const key = name.toLowerCase();
  let file;
  if (key === '') {
    features.push('same-note');
    file = from;
  } else if (key.includes('*')) {
    features.push('wildcard');
    const re = new RegExp(`^${key.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    const hit = [...vault.dendron.fnames.keys()].some((f) => re.test(f));
    return hit ? { status: 'ok', features } : { status: 'broken', reason: 'wildcard matches no note', features };
  } else {
    file = vault.dendron.fnames.get(key);
    if (!file && [...vault.dendron.fnames.keys()].some((f) => f.startsWith(`${key}.`))) {
      features.push('stub');
      return anchors ? { status: 'broken', reason: 'a stub has no headers', features } : { status: 'ok', features };
    }
    if (!file) {
      file = fileAt(vault, name) ?? vault.dendron.vaults.map((v) => fileAt(vault, `${v.fsPath}/${name}`)).find(Boolean);
      if (file) features.push(isNote(file) ? 'file path' : 'attachment');
    }
  }
  if (!file) return { status: 'broken', reason: 'no such note', features };
  const why = checkDendronAnchors(vault, file, anchors);
  return why ? { status: 'broken', reason: why, target: file, features } : { status: 'ok', target: file, features };
}

function judgeLogseq(vault, from, link) {
  const features = [];
  const key = link.inner.trim().toLowerCase();
  if (vault.logseq.pages.has(key)) {
    const file = vault.logseq.pages.get(key);
    if (key.includes('/')) features.push('namespace page (a___b.md)');
    else if (
      file &&
      basename(file)
        .replace(/\.(md|org)$/i, '')
        .toLowerCase() !== key
    )
      features.push('page by title:: or alias:: or journal date');
    return { status: 'ok', target: file ?? undefined, features };
  }
  const file = resolveWikiTarget(vault, from, link.inner);
  if (file) return { status: 'ok', target: file, features: ['file'] };
  features.push('page without a file');
  return { status: 'ok', reason: 'Logseq creates the page on reference', features };
}

// ---------------------------------------------------------------- one report

const LINK_CODES = new Set(['GN001', 'GN002', 'GN003', 'GN004']);

/**
 * Judges one reported problem (the CLI's JSON shape). verdict: 'broken' (really broken in the tool),
 * 'fine' (the target exists: a false report), 'not a link' (the tool reads no link there: a false
 * report), 'by hand' (not a link problem: dates and other checks).
 */
export function judgeReport(vault, report) {
  if (!LINK_CODES.has(report.code)) return { verdict: 'by hand', shape: `${report.code} (not a link check)` };
  const file = report.file.replace(/\\/g, '/');
  if (!existsSync(join(vault.dir, file)) || !isNote(file)) return { verdict: 'by hand', shape: 'not a note' };
  if (hidden(file) && vault.convention !== 'commonmark')
    return { verdict: 'not a link', shape: 'note in a hidden folder (not part of the vault)' };
  const n = vault.note(file);
  const offset = n.starts[report.line - 1] + report.column - 1;
  const kind = regionAt(n.regions, offset);
  if (vault.convention === 'commonmark' && wikiSpanAt(n, report.line, offset)) {
    return { verdict: 'not a link', shape: '[[…]] in plain Markdown (text, not a link)' };
  }
  const link = n.links.find((l) => l.start <= offset && offset < l.end);
  if (kind && !(kind === 'front matter' && link)) return { verdict: 'not a link', shape: kind };
  const here = n.text.slice(offset, offset + 60).split('\n')[0];
  if (!link) return { verdict: 'not a link', shape: strayShape(n.text, offset), text: here };
  if (link.kind === 'md' && /^!?\[\[/.test(link.raw)) {
    return { verdict: 'not a link', shape: 'Markdown link whose text starts with [', link: link.raw };
  }
  const j = judgeLink(vault, file, link);
  const shape = pickShape(j.features ?? [], link);
  if (j.status === 'broken') return { verdict: 'broken', shape: j.reason, features: j.features, link: link.raw };
  if (j.status === 'external') return { verdict: 'not a link', shape: 'external URL', link: link.raw };
  return { verdict: 'fine', shape, features: j.features, link: link.raw, target: j.target };
}

function wikiSpanAt(n, line, offset) {
  const start = n.starts[line - 1];
  const text = n.text.slice(start, n.starts[line] ?? n.text.length);
  return [...text.matchAll(/!?\[\[[^[\]\n]*\]\]/g)].some((m) => start + m.index <= offset && offset < start + m.index + m[0].length);
}

function strayShape(text, offset) {
  const rest = text.slice(offset, offset + 300).split('\n')[0];
  if (/^\[?\[[^\]]*\][^\]]*\]\(/.test(rest) || /^\[\[[^\]]*\]\(/.test(rest)) return 'Markdown link whose text starts with [';
  if (/^\[\[[^\]]*\]/.test(rest)) return 'bracketed text with [ ] inside';
  return '[[ that never closes on its line';
}

const SHAPE_ORDER = [
  'escaped pipe',
  'front-matter link',
  'wildcard',
  'note-ref range',
  'label first',
  'dendron:// prefix',
  'stub',
  'page without a file',
  'namespace page (a___b.md)',
  'page by title:: or alias:: or journal date',
  'same-note',
  'attachment',
  'folder',
  'block ref',
  'nested heading',
  'folder path',
  'file path',
  'markup in heading',
  'heading by text',
  'heading slug',
  'heading html anchor',
  'encoded or <…> path',
  '.md extension',
  'case differs',
  'Markdown link',
  'embed',
];

function pickShape(features, link) {
  for (const s of SHAPE_ORDER) if (features.includes(s)) return s;
  return link.inner?.includes('#') ? 'heading by text' : 'plain note link';
}

// ---------------------------------------------------------------- CLI

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [spec, reportsFile] = process.argv.slice(2);
  if (!spec || !reportsFile) {
    console.error('usage: node scripts/vault-oracle.mjs DIR[=convention] REPORTS.json');
    process.exit(2);
  }
  const [dir, conv] = spec.split('=');
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
  const vault = new Vault(dir, conv || undefined);
  for (const r of JSON.parse(readFileSync(reportsFile, 'utf8'))) {
    const j = judgeReport(vault, r);
    console.log(`${j.verdict}\t${j.shape}\t${r.code}\t${r.file}:${r.line}:${r.column}\t${j.link ?? j.text ?? ''}`);
  }
  console.error(`${vault.convention}: ${vault.notes.length} notes, ${basename(dirname(join(dir, 'x')))}`);
}

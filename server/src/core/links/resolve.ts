/**
 * What a link names, by the rules the vault's own tool follows (SPEC §1a): a source by
 * id, a note or any other file by name, by path from the vault root or from the note,
 * or by a unique end of its path; headings by text or slug, block ids, Dendron's
 * hierarchy names, vault prefixes, note-reference ranges and wildcards, Markdown links
 * relative to the note as VS Code checks them. Case-insensitive throughout.
 */
import type { Citation, DocUri, NoteIndex, SourceIndex } from '../types.js';
import { nameIndexOf } from '../suggest.js';
import type { Resolution, SuggestionAsk, SuggestionKind } from '../view.js';
import { dirOf, extensionOf, normalizePath, type FileEntry, type FileNames } from './files.js';
import { findBlock, findHeading } from './headings.js';
import type { Conventions } from './style.js';
import { extended } from '../extended.js';
import { isInside, relativePath } from '../workspace.js';

/** What resolution needs from the index. */
export interface LinkContext {
  readonly files: FileNames;
  readonly conventions: Conventions;
  note(uri: DocUri): NoteIndex | undefined;
  source(uri: DocUri): SourceIndex | undefined;
  /** Sources whose id or stem is `name`. */
  sourcesById(name: string): SourceIndex[];
  /** Files in the source roots whose id or stem is `name`, read or not (a source that could not be read still exists). */
  listedSources(name: string): DocUri[];
  /** True when the workspace has sources (messages then speak of them). */
  hasSources(): boolean;
  /** A source citation's passage (or why there is none). */
  resolveInSource(source: SourceIndex, anchor: string | undefined, shadows?: NoteIndex): Resolution;
  /** Did-you-mean suggestions for a missing target, from the workspace's names of that kind. */
  suggest(name: string, kind: SuggestionKind): string[];
}

/** The target, anchor and their spans of a link, read by the workspace's conventions. */
export interface LinkParts {
  target: string;
  anchor?: string;
}

/** The parts of a wiki link: Dendron writes the label first (`[[label|target]]`) and may prefix `dendron://vault/`. */
export function linkParts(c: Citation, conventions: Conventions): LinkParts & { vault?: string } {
  let target = c.target;
  let anchor = c.anchor;
  if (conventions.style === 'dendron' && !c.form && c.label !== undefined) {
    const hash = c.label.indexOf('#');
    target = (hash < 0 ? c.label : c.label.slice(0, hash)).trim();
    anchor = hash < 0 ? undefined : c.label.slice(hash + 1).trim();
  }
  const prefix = /^dendron:\/\/([^/]*)\//i.exec(target);
  if (prefix) return { target: target.slice(prefix[0].length), ...(anchor !== undefined ? { anchor } : {}), vault: prefix[1]! };
  return { target, ...(anchor !== undefined ? { anchor } : {}) };
}

/**
 * Set while resolving when what was found could differ from another folder of the linking
 * note's workspace folder (see `trackFolder`).
 */
let folderMattered = false;

/**
 * Starts finding whether the link about to be resolved would resolve alike from every
 * folder of the linking note's workspace folder: it would unless a path climbs (`../x`),
 * names a file that a folder below the root holds (`b/x` where `a/b/x.md` exists), or
 * several files answer and the note's folder picks one. Such resolutions are shared
 * between folders: a vault whose links are paths from its root resolves each once, not
 * once per folder. Returns what `folderMatteredSince` takes back (resolutions may nest).
 */
export function trackFolder(): boolean {
  const outer = folderMattered;
  folderMattered = false;
  return outer;
}

/** Whether the note's folder mattered to what was resolved since `trackFolder` returned `outer`. */
export function folderMatteredSince(outer: boolean): boolean {
  const mattered = folderMattered;
  folderMattered = outer || mattered;
  return mattered;
}

/** Chooses among files of the same name as Obsidian does: the note's own folder first, then the shortest path. */
function pick(candidates: readonly FileEntry[], from: FileEntry | undefined): { chosen: FileEntry; alternatives: DocUri[] } | undefined {
  if (candidates.length === 0) return undefined;
  // Most links name one file: nothing to order.
  if (candidates.length === 1) return { chosen: candidates[0]!, alternatives: [] };
  folderMattered = true;
  const here = from ? dirOf(from.rel).toLowerCase() : undefined;
  // Each candidate's place and depth worked out once, not per comparison: a help vault in twenty
  // languages has twenty files of each name, and its checks spent a tenth of their time here.
  const keyed = candidates.map((e) => ({
    e,
    away: here !== undefined && e.folder === from!.folder && dirOf(e.rel).toLowerCase() === here ? 0 : 1,
    depth: depthOf(e.rel),
  }));
  keyed.sort((a, b) => a.away - b.away || a.depth - b.depth || (collator ??= new Intl.Collator()).compare(a.e.rel, b.e.rel));
  return { chosen: keyed[0]!.e, alternatives: keyed.slice(1).map((k) => k.e.uri) };
}

/** `localeCompare`'s order (the same collator), made at the first use. */
let collator: Intl.Collator | undefined;

/** How many parts a relative path has (`a/b.md`: 2). */
function depthOf(rel: string): number {
  let n = 1;
  for (let i = rel.indexOf('/'); i >= 0; i = rel.indexOf('/', i + 1)) n++;
  return n;
}

/** The last `folderAndAbove`: a note's links are resolved one after another. */
let lastBases: { rel: string; bases: readonly string[] } | undefined;

/** The folder of a note's path and each folder above it up to the root (``), deepest first, in lower case. */
function folderAndAbove(rel: string): readonly string[] {
  if (lastBases?.rel === rel) return lastBases.bases;
  const dir = dirOf(rel).toLowerCase();
  const out = [dir];
  for (let i = dir.lastIndexOf('/'); i >= 0; i = dir.lastIndexOf('/', i - 1)) out.push(dir.slice(0, i));
  if (dir !== '') out.push('');
  lastBases = { rel, bases: out };
  return out;
}

/** Whether `lowerRel` is `base/lower` (or `lower` when `base` is the root). */
function isAt(lowerRel: string, base: string, lower: string): boolean {
  if (base === '') return lowerRel === lower;
  return (
    lowerRel.length === base.length + 1 + lower.length &&
    lowerRel.charCodeAt(base.length) === 0x2f &&
    lowerRel.startsWith(base) &&
    lowerRel.endsWith(lower)
  );
}

/** Files a wiki-link target names: by path (from the vault root, from the note, or a unique end of a path), or by name. */
function filesFor(ctx: LinkContext, from: FileEntry | undefined, target: string, folders?: readonly DocUri[]): FileEntry[] {
  const t = (target.includes('\\') ? target.replace(/\\/g, '/') : target).trim();
  const withMd = extensionOf(t) === '.md' ? [t] : [t + '.md', t];
  const inScope = folders ? (e: FileEntry) => folders.some((f) => e.uri === f || e.uri.startsWith(f + '/')) : () => true;
  if (t.includes('/')) {
    const found: FileEntry[] = [];
    const add = (e: FileEntry | undefined) => {
      if (e && inScope(e) && !found.includes(e)) found.push(e);
    };
    if (from) {
      // From the note's folder, any folder above it, or the vault root (a vault inside the workspace folder).
      const bases = folderAndAbove(from.rel);
      for (const p of withMd) {
        if (normalizePath(p) === p) {
          // Nothing in the link climbs: each place is a folder, a slash and the link. The files
          // with its name are compared with each place (no path is built and looked up per place);
          // the one a path names among files whose names differ in case only is the one `atPath` gives.
          const lower = p.toLowerCase();
          const named = ctx.files.namedLower(lower.slice(lower.lastIndexOf('/') + 1));
          // A file the path names from a folder below the root is found from some folders only.
          const below = '/' + lower;
          for (const e of named) if (e.lowerRel.endsWith(below)) folderMattered = true;
          for (const base of bases)
            for (const e of named)
              if (e.folder === from.folder && isAt(e.lowerRel, base, lower) && ctx.files.atLowerPath(e.folder, e.lowerRel) === e) add(e);
          continue;
        }
        // A path that climbs (`../x`, `./x`) starts from the note's folder.
        folderMattered = true;
        for (const base of bases) {
          const path = normalizePath(base ? `${base}/${p}` : p);
          if (path !== undefined) add(ctx.files.atPath(from.folder, path));
        }
      }
      if (found.length > 0) return found;
    }
    // A unique end of a path: `People/someone` for `02 - Topics/People/someone.md`.
    const tail = normalizePath(t.replace(/^(\.\.?\/)+/, ''));
    if (tail === undefined || tail === '') return [];
    for (const p of withMd.map((x) => normalizePath(x.replace(/^(\.\.?\/)+/, '')) ?? x)) {
      const name = p.slice(p.lastIndexOf('/') + 1);
      for (const e of ctx.files.named(name))
        if (inScope(e) && (e.rel.toLowerCase() === p.toLowerCase() || e.rel.toLowerCase().endsWith('/' + p.toLowerCase()))) add(e);
    }
    return found;
  }
  const out: FileEntry[] = [];
  for (const p of withMd) for (const e of ctx.files.named(p)) if (inScope(e) && !out.includes(e)) out.push(e);
  return out;
}

/** The resolution of a file that a link reached, with its heading, block or Dendron range. */
function toFile(
  ctx: LinkContext,
  from: NoteIndex,
  entry: FileEntry,
  anchor: string | undefined,
  alternatives: DocUri[],
  markdown: boolean,
): Resolution {
  const source = ctx.source(entry.uri);
  if (source) return ctx.resolveInSource(source, anchor);
  const note = ctx.note(entry.uri);
  if (!note) {
    // An attachment, or a note not read (skipped, or not indexed yet): it exists; its fragment is not checked.
    return alternatives.length > 0 ? { kind: 'file', uri: entry.uri, alternatives } : { kind: 'file', uri: entry.uri };
  }
  return inNote(from, note, anchor, alternatives, markdown);
}

const DENDRON_WHOLE = /^(?:\*|\^begin|\^end)$/i;

/** Resolves the part after `#` inside a note: a heading (nested), a block id, or a Dendron range. */
function inNote(from: NoteIndex, note: NoteIndex, anchor: string | undefined, alternatives: DocUri[], markdown: boolean): Resolution {
  const base: Resolution = {
    kind: 'note',
    note,
    ...(note.uri === from.uri ? { sameNote: true } : {}),
    ...(alternatives.length > 0 ? { alternatives } : {}),
  };
  if (anchor === undefined || anchor.trim() === '') return base;
  // GitHub gives a heading the id `user-content-<slug>`, and `#<slug>` scrolls to it: both work there.
  const a = markdown ? anchor.trim().replace(/^user-content-/, '') : anchor.trim();
  if (markdown && /^L\d+(?:-L?\d+)?$/i.test(a)) return base; // a line fragment, as VS Code opens it
  const missing = (suggestions: string[], block = false): Resolution => ({
    kind: 'unknownHeading',
    note,
    suggestions,
    ...(block ? { block: true } : {}),
    ...(note.uri === from.uri ? { sameNote: true } : {}),
  });
  const one = (part: string): Resolution | 'ok' => {
    const p = withoutRangeSuffix(part.trim()); // Dendron's `,N` offset and an open range `#h,1:`
    if (p === '' || DENDRON_WHOLE.test(p)) return 'ok';
    if (p.startsWith('^')) {
      const block = findBlock(note.blockIds, p.slice(1));
      return block
        ? extended(base, { block })
        : missing(
            note.blockIds.map((b) => `^${b.id}`),
            true,
          );
    }
    const heading = findHeading(note.headings, p);
    if (heading) return extended(base, { heading });
    // An HTML element's id, as VS Code's Markdown validation and GitHub take it.
    if (markdown && note.htmlIds?.includes(p)) return 'ok';
    return missing(headingSuggestions(note, p, markdown));
  };
  const whole = one(a);
  if (whole !== 'ok' && whole.kind !== 'unknownHeading') return whole;
  // Dendron note references: `#h1:#h2`, `#^begin:#^end`, `#h1,1:#*`.
  const range = rangeParts(a);
  if (range.length > 1) {
    const parts = range.map((x) => x.replace(/^\s*#/, ''));
    let first: Resolution | undefined;
    for (const part of parts) {
      const r = one(part);
      if (r !== 'ok' && r.kind === 'unknownHeading') return r;
      if (r !== 'ok') first ??= r;
    }
    return first ?? base;
  }
  return whole === 'ok' ? base : whole;
}

/**
 * Headings to suggest, written as the link writes them: slugs for Markdown links and slug-like
 * anchors, else the heading text. From an index kept per version of the note and form: a note
 * that many links name a missing heading of (Obsidian's help, each translation's links to
 * English headings) built and sorted one per link.
 */
function headingSuggestions(note: NoteIndex, anchor: string, markdown: boolean): string[] {
  const slugLike = markdown || /^[a-z0-9-]+$/.test(anchor);
  const form = slugLike ? 'slug' : 'text';
  return nameIndexOf(note.headings, () => note.headings.map((h) => (slugLike ? h.slug : h.text)), form).closest(anchor);
}

/** Extensions of the files vaults embed and link besides notes. */
const ATTACHMENT = new RegExp(
  '^\\.(?:png|jpe?g|gif|svg|webp|avif|bmp|ico|pdf|mp3|wav|ogg|m4a|flac|webm|mp4|mov|mkv|avi|' +
    'canvas|excalidraw|base|csv|json|zip|txt|html?|docx?|xlsx?|pptx?|epub)$',
  'i',
);

/**
 * True when a target names a file other than a note: a known attachment type, or
 * (outside Dendron, whose names hold dots) any short extension.
 */
function looksLikeFile(ctx: LinkContext, target: string): boolean {
  const ext = extensionOf(target);
  if (ext === '' || ext === '.md') return false;
  if (ATTACHMENT.test(ext)) return true;
  return ctx.conventions.style !== 'dendron' && /^\.[A-Za-z0-9]{1,5}$/.test(ext);
}

/** The kind of thing a missing target names, for the message and the suggestions. */
function missingKind(ctx: LinkContext, target: string): SuggestionKind {
  if (looksLikeFile(ctx, target)) return 'file';
  if (target.includes('/')) return 'path';
  return nameKind(ctx);
}

/** What a missing plain name (no path, no extension) is looked up among: sources and notes where there are sources, else notes. */
export function nameKind(ctx: Pick<LinkContext, 'hasSources'>): SuggestionKind {
  return ctx.hasSources() ? 'source' : 'note';
}

/** Resolves a `[[…]]` link (or `![[…]]`, or a front-matter property link). */
export function resolveWikiLink(ctx: LinkContext, note: NoteIndex, c: Citation): Resolution {
  const style = ctx.conventions.style;
  // Front-matter property links are Obsidian's; `[[…]]` is text where only Markdown links are links.
  if (c.form === 'property' && style !== 'auto' && style !== 'obsidian') return { kind: 'notLink' };
  if (style === 'markdown') return { kind: 'notLink' };
  const parts = linkParts(c, ctx.conventions);
  const from = ctx.files.get(note.uri);
  const target = parts.target;
  if (target === '') {
    if (parts.anchor !== undefined) return inNote(note, note, parts.anchor, [], false);
    // Dendron embeds the note itself with `![[]]`.
    if (style === 'dendron' && c.embed && c.label === undefined) return { kind: 'note', note, sameNote: true };
    return { kind: 'malformed', reason: 'the link names nothing' };
  }
  // A source id wins over a note name (SPEC §1).
  const sources = ctx.sourcesById(target);
  if (sources.length > 0) {
    const named = filesFor(ctx, from, target).find((e) => e.markdown && !ctx.source(e.uri));
    const shadows = named ? ctx.note(named.uri) : undefined;
    if (sources.length > 1) {
      const exact = sources.filter((s) => s.stem.toLowerCase() === target.toLowerCase());
      if (exact.length !== 1) return { kind: 'ambiguous', sources };
      return ctx.resolveInSource(exact[0]!, parts.anchor, shadows);
    }
    return ctx.resolveInSource(sources[0]!, parts.anchor, shadows);
  }
  // A source that exists but could not be read (GN007 says why) is not unknown.
  const unread = ctx.listedSources(target)[0];
  if (unread) return { kind: 'file', uri: unread };
  const vault =
    parts.vault !== undefined ? ctx.conventions.vaults.find((v) => v.name.toLowerCase() === parts.vault!.toLowerCase()) : undefined;
  let found = filesFor(ctx, from, target, vault ? [vault.folder] : undefined);
  if (style === 'logseq') {
    // A namespaced page `a/b` is the file `a___b.md`; a page without a file is one Logseq creates on use.
    if (found.length === 0 && target.includes('/')) found = filesFor(ctx, from, target.replace(/\//g, '___'));
    if (found.length === 0) return { kind: 'notLink' };
  }
  if (found.length > 1 && ctx.conventions.style === 'foam' && found.filter((e) => e.markdown).length > 1) {
    // Foam reports a name that several notes answer to; Obsidian and Dendron take one.
    const notes = found.map((e) => ctx.note(e.uri)).filter((n): n is NoteIndex => n !== undefined);
    if (notes.length > 1) return { kind: 'ambiguousNote', notes };
  }
  const chosen = pick(found, from);
  if (chosen) return toFile(ctx, note, chosen.chosen, parts.anchor, chosen.alternatives, false);
  if (/\*/.test(target) && style !== 'obsidian' && style !== 'foam') return wildcard(ctx, target);
  const kind = missingKind(ctx, target);
  return unknownTarget(ctx, kind === 'path' ? 'note' : kind, { name: target, kind });
}

/**
 * Whether `name` matches `pattern`, where `*` stands for any run of characters. Each `*`
 * is tried at as few places as needed (the last one only moves forward), so the work is
 * at most the product of the lengths: a pattern of many `*` turned into `.*` regular
 * expressions backtracks exponentially.
 */
export function globMatches(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = n;
    } else if (p < pattern.length && pattern[p] === name[n]) {
      p++;
      n++;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Dendron's wildcard note references (`![[a.b.*]]`): every note the pattern matches; none is not an error there. */
function wildcard(ctx: LinkContext, pattern: string): Resolution {
  const glob = `${pattern.toLowerCase()}.md`;
  const notes: NoteIndex[] = [];
  for (const e of ctx.files.all()) {
    if (!globMatches(glob, e.name)) continue;
    const n = ctx.note(e.uri);
    if (n) notes.push(n);
  }
  return { kind: 'wildcard', pattern, notes };
}

/** Resolves a Markdown link or reference definition: relative to the note (or the root for `/…`), as VS Code checks it. */
export function resolveMarkdownLink(ctx: LinkContext, note: NoteIndex, c: Citation): Resolution {
  const from = ctx.files.get(note.uri);
  const target = c.target.replace(/\\/g, '/');
  if (target === '') return inNote(note, note, c.anchor, [], true);
  // `[text](((uuid)))`: a Logseq block reference, not a file.
  if (/^\(\(.*\)\)$/.test(target)) return { kind: 'notLink' };
  if (!from) return { kind: 'unknownTarget', what: 'file', suggestions: [] };
  // In Dendron `/assets/…` starts at the note's vault (where it keeps `assets/`), as its preview and site read it.
  const vault = target.startsWith('/') ? vaultPath(ctx, from) : '';
  const inVault = vault ? normalizePath(vault + target) : undefined;
  const exactInVault = inVault === undefined ? undefined : exactFile(ctx, from.folder, inVault);
  if (exactInVault) return toFile(ctx, note, exactInVault, c.anchor, [], true);
  const path = target.startsWith('/') ? normalizePath(target) : normalizePath(`${dirOf(from.rel)}/${target}`);
  // A link that leaves the workspace folder names a file that is never read: not checked.
  if (path === undefined) return { kind: 'outside' };
  if (path !== undefined) {
    const exact = exactFile(ctx, from.folder, path);
    if (exact) return toFile(ctx, note, exact, c.anchor, [], true);
    if (ctx.files.isFolder(from.folder, path)) return { kind: 'folder', uri: from.folder + '/' + path };
  }
  if (ctx.conventions.style === 'auto' || ctx.conventions.style === 'obsidian') {
    // Obsidian finds a Markdown link's file by name as it finds a wiki link's.
    const found = filesFor(ctx, from, target.replace(/^\//, ''));
    const chosen = pick(found, from);
    if (chosen) return toFile(ctx, note, chosen.chosen, c.anchor, chosen.alternatives, true);
  }
  const file = looksLikeFile(ctx, target);
  return unknownTarget(ctx, file ? 'file' : 'note', { name: target, kind: file ? 'file' : target.includes('/') ? 'path' : 'note' });
}

/** The file at `path` in a workspace folder, or the note `path.md` when the path has no extension. */
function exactFile(ctx: LinkContext, folder: DocUri, path: string): FileEntry | undefined {
  return ctx.files.atPath(folder, path) ?? (extensionOf(path) === '' ? ctx.files.atPath(folder, path + '.md') : undefined);
}

/** In a Dendron workspace, the path of the vault holding `from` in its workspace folder (`vault`); '' elsewhere. */
function vaultPath(ctx: LinkContext, from: FileEntry): string {
  if (ctx.conventions.style !== 'dendron') return '';
  let best: DocUri | undefined;
  for (const v of ctx.conventions.vaults) {
    if (isInside(from.uri, v.folder) && isInside(v.folder, from.folder) && v.folder.length > (best?.length ?? 0)) best = v.folder;
  }
  return best && best.length > from.folder.length ? relativePath(from.folder, best) : '';
}

/**
 * A link to nothing, whose did-you-mean names are looked for when first read: a hover
 * or a definition on one link resolves the whole note, and needs none of them.
 */
function unknownTarget(ctx: LinkContext, what: 'source' | 'note' | 'file', asks: SuggestionAsk): Resolution {
  return new UnknownTarget(ctx, what, asks);
}

/**
 * A class, its getter on the prototype: an object literal with a getter of its own was held
 * as a dictionary with a hidden class of its own, about 500 bytes per missing name (19,718 on
 * the real vault shape's check).
 */
class UnknownTarget {
  readonly kind = 'unknownTarget';
  #ctx: LinkContext;
  #found: string[] | undefined;

  constructor(
    ctx: LinkContext,
    readonly what: 'source' | 'note' | 'file',
    readonly asks: SuggestionAsk,
  ) {
    this.#ctx = ctx;
  }

  get suggestions(): string[] {
    return (this.#found ??= this.#ctx.suggest(this.asks.name, this.asks.kind));
  }
}

/**
 * A heading part of a Dendron reference without what ends it: white space, the `:` of an
 * open range and the `,N` line offset (`h,1:` → `h`). Read from the end, by hand: the
 * expression `/(?:,\s*\d+)?:?\s*$/` is retried from every character of a run of spaces.
 */
export function withoutRangeSuffix(p: string): string {
  let end = p.length;
  while (end > 0 && /\s/.test(p[end - 1]!)) end--;
  if (end > 0 && p[end - 1] === ':') end--;
  return withoutOffset(p.slice(0, end));
}

/** A heading part without Dendron's `,N` line offset (`h,1` → `h`). */
function withoutOffset(p: string): string {
  let end = p.length;
  while (end > 0 && p.charCodeAt(end - 1) >= 48 && p.charCodeAt(end - 1) <= 57) end--;
  if (end === p.length) return p;
  let comma = end;
  while (comma > 0 && /\s/.test(p[comma - 1]!)) comma--;
  return comma > 0 && p[comma - 1] === ',' ? p.slice(0, comma - 1) : p;
}

/**
 * The parts of a Dendron note-reference range (`h1:#h2`, `^begin:#^end`, `h,1:*`): split
 * at each `:` that white space and then `#`, `*` or `^` follow. One part when none does.
 */
function rangeParts(a: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = a.indexOf(':'); i >= 0; i = a.indexOf(':', i + 1)) {
    let j = i + 1;
    while (j < a.length && /\s/.test(a[j]!)) j++;
    if (a[j] === '#' || a[j] === '*' || a[j] === '^') {
      parts.push(a.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(a.slice(from));
  return parts;
}

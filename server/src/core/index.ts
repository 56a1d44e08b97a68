/**
 * The language service's one entry: `createNotesService({ workspace, config, logger })`.
 * Wiring happens here; features live one per file in `features/`.
 */
import type { CancellationToken, Logger, NotesService, NotesServiceOptions } from './api.js';
import { defaultConfig, type NotesConfig } from './config.js';
import { codeActions } from './features/codeActions.js';
import { completion, COMPLETION_LIMIT } from './features/completion.js';
import { definition } from './features/definition.js';
import { documentLinks } from './features/links.js';
import { hover } from './features/hover.js';
import { codeLenses } from './features/codeLens.js';
import { references } from './features/references.js';
import { prepareRename, rename } from './features/rename.js';
import { citationAt } from './features/locate.js';
import { linkBeingWritten } from './features/completion.js';
import { expandMoves, moveEdits } from './links/moves.js';
import { createAnchor, proposeAnchor } from './features/createAnchor.js';
import { listAnchors, listSources } from './features/catalog.js';
import { locateQuote } from './features/locateQuote.js';
import { sourceTimelines } from './features/timeline.js';
import { countProblems } from './counts.js';
import { pagePosition } from './features/passage.js';
import { documentSymbols, workspaceSymbols } from './features/symbols.js';
import { effectiveSeverity, rules, type Code } from './rules/registry.js';
import { unknownSource } from './rules/GN001-unknown-source.js';
import { unknownAnchor } from './rules/GN002-unknown-anchor.js';
import { ambiguousSource } from './rules/GN003-ambiguous-source.js';
import { moreProblems } from './rules/GN009-more-problems.js';
import { appendAll, capProblems, checkFailure, withSeverity } from './problemList.js';
import { formatBytes, tooLargeMessage, utf8Length } from './fileSize.js';
import type { DocUri, NoteIndex, Problem } from './types.js';
import { compareOrdinal } from './text.js';
import { knownNoteMayHoldDateProblems } from './dates/index.js';
import {
  parseDocument,
  type DocKind,
  type ParsedDocument,
  type ParseInput,
  type RememberedParse,
  type ScanState,
} from './parse/document.js';
import { lazyNote } from './parse/lazyNote.js';
import { parseNote } from './parse/note.js';
import { scanFiles, type Listing, type ScannedFile } from './scan.js';
import { WorkspaceIndex } from './workspaceIndex.js';
import { detectConventions } from './links/style.js';
import { nameKind } from './links/resolve.js';
import { isUnresolved, type LinkNames, type SuggestionKind } from './view.js';
import { isExtractedFormat } from './formats.js';
import type { ExtractedDocument } from './types.js';
import { sameStat, type FileChange, type FileStat, type TextRead, type Workspace } from './workspace.js';
import { extended } from './extended.js';

export type { NotesService, NotesServiceOptions } from './api.js';
export { NotesError } from './api.js';
export { MemoryWorkspace } from './workspace.js';
export { defaultConfig, readConfig, fromSettingsJson } from './config.js';
export { rules, ruleByCode, effectiveSeverity, ruleDocAnchor } from './rules/registry.js';

/** The codes of a citation that resolves to nothing (a saved check's notes with one are re-checked when files appear). */
const UNRESOLVED_CODES = new Set<Code>([unknownSource.code, unknownAnchor.code, ambiguousSource.code]);

const silent: Logger = { info() {}, warn() {}, error() {} };
/** Files read, parsed and indexed together during a workspace scan. */
const BATCH = 32;
/** Batches asked for ahead of the one being indexed, where files are read on another thread. */
const READ_AHEAD = 8;
/** Files a server parses in this thread between two checks of the slice's time. */
const PARSE_GROUP = 4;
/** Indexing work done between two turns for waiting requests during the scan (ms). */
const SLICE_MS = 8;
/**
 * Documents whose problems `takeChangedProblems(limit)` takes per document it checks: taking
 * one whose problems are known (saved, or checked earlier) costs a twentieth of a check.
 */
const TAKEN_PER_CHECK = 16;
/**
 * PDFs and saved web pages larger than this are not read. They are not held to
 * `maxFileSize` (a report's PDF is often tens of megabytes); their extracted text is.
 */
export const MAX_EXTRACTED_FILE_BYTES = 200 * 1024 * 1024;
export { countProblems } from './counts.js';
export type { Listing } from './scan.js';

/**
 * What a persisted result of a whole check is keyed by besides the files' contents: the
 * workspace's listing (every file, classified as the service would) and its link
 * conventions. Undefined when the listing was cancelled.
 */
export async function resultKey(workspace: Workspace, config: NotesConfig): Promise<{ listing: Listing; conventions: string } | undefined> {
  const listing = await scanFiles(workspace, new WorkspaceIndex(config, workspace.folders));
  if (!listing) return undefined;
  return { listing, conventions: JSON.stringify(await detectConventions(workspace, config.linkStyle)) };
}

/** Creates the language service over an injected workspace. */
export function createNotesService(options: NotesServiceOptions): NotesService {
  const workspace: Workspace = options.workspace;
  const quickFixes = options.quickFixes ?? true;
  const logger = options.logger ?? silent;
  const parser = options.parser;
  let config: NotesConfig = options.config ?? defaultConfig;
  const index = new WorkspaceIndex(config, workspace.folders);
  // What the thread that read a note found of its dates, unless the note changed since.
  workspace.onNoteFacts?.((uri, text, mayHold) => {
    if (index.note(uri) && index.loadedText(uri) === text) knownNoteMayHoldDateProblems(index, uri, mayHold);
  });
  /** Editor-owned documents: their text wins over the disk. */
  const open = new Map<DocUri, number>();
  const dirty = new Set<DocUri>();
  /** Notes with a citation that resolved to nothing: additions may fix them. */
  const unresolved = new Set<DocUri>();
  let allDirty = true;
  /** True after a scan whose problems were not taken from a saved check. */
  let scanned = false;
  /** True once anything changed after the scan (the saved problems would not match its fingerprint). */
  let changedSinceScan = false;
  /** The disk text, as the scan read it, of files an editor had open. */
  const scanText = new Map<DocUri, string | undefined>();
  /**
   * Start-up: every file name is known once the listing is done; until the scan ends,
   * documents opened in an editor are held (no problems computed for them) until the
   * files their links name have been read on demand (`prepare`).
   */
  let listingDone!: () => void;
  const listed = new Promise<void>((resolve) => (listingDone = resolve));
  let scanning = true;
  const held = new Set<DocUri>();
  /** Held notes' did-you-mean tables being built (`suggestionsReady`). */
  const tablesFor = new Map<DocUri, Promise<void>>();
  /** Files read on demand during the scan, with the stat they were read at: the scan does not index them again. */
  const loadedEarly = new Map<DocUri, FileStat | undefined>();
  /** Set when a file read on demand was not as the scan found it (the saved problems are not those of these files). */
  let earlyDiffers = false;
  /** Saved problems taken as they were, whose quick fixes are read when first asked for (`parser.savedFixes`). */
  const fixesUnread = new Map<DocUri, Problem[]>();

  /** True when every open document's text is its disk text as the scan read it. */
  function openMatchesDisk(): boolean {
    for (const uri of open.keys()) if (!scanText.has(uri) || scanText.get(uri) !== index.text(uri)) return false;
    return true;
  }

  /** Marks what a change to these citation keys affects. */
  function touch(uri: DocUri, keys: Set<string>, structural: boolean): void {
    dirty.add(uri);
    // During the scan every note is checked once it ends (or takes its saved problems):
    // the notes citing a file need not be looked up, nor their reverse index built yet.
    if (!scanning) for (const n of index.notesCiting(keys)) dirty.add(n);
    if (structural) for (const n of unresolved) dirty.add(n);
    // A source's own anchor file reports stale anchors against it.
    const source = index.source(uri);
    if (source) {
      const file = index.anchorFileFor(source);
      if (file) dirty.add(file.uri);
    }
    const file = index.anchorFile(uri);
    if (file) {
      const s = index.sourceForAnchorFile(file);
      if (s) dirty.add(s.uri);
    }
    // An anchor file's GN006 "no source beside it" depends on its source.
    if (structural) for (const f of index.anchorFiles()) dirty.add(f.uri);
  }

  /**
   * What reading a file for indexing found: its text (with, for a PDF or web page,
   * its extracted form), a parse remembered for its unchanged stat, why it is not
   * indexed, or nothing (gone).
   */
  type Found =
    | { text: string; stat?: FileStat; extracted?: ExtractedDocument }
    | { remembered: RememberedParse; stat: FileStat }
    | { skip: string }
    | undefined;

  /** Reads a file for indexing: its text, or why it is not indexed, or gone. */
  async function read(uri: DocUri, kind: DocKind, remember = false): Promise<Found> {
    try {
      // At once where the workspace can: a read through the event loop costs several
      // round trips per file, and on 10,000 small notes reading took 2.5× as long.
      return readsAtOnce(uri, kind) ? readCheckedSync(uri, kind, remember) : await readChecked(uri, kind, remember);
    } catch (e) {
      // A workspace that throws (permissions, a vanished mount) costs this file only.
      const message = (e as Error).message;
      logger.error(`Could not read ${uri}: ${message}`);
      return { skip: `Not checked: the file could not be read (${message})` };
    }
  }

  function readsAtOnce(uri: DocUri, kind: DocKind): boolean {
    return !!workspace.statSync && !!workspace.readFileSync && !(kind === 'source' && isExtractedFormat(uri));
  }

  async function readChecked(uri: DocUri, kind: DocKind, remember: boolean): Promise<Found> {
    const stat = await workspace.stat(uri);
    const before = beforeReading(uri, kind, stat, remember);
    if (before !== 'read') return before;
    if (kind === 'source' && isExtractedFormat(uri)) return readExtracted(uri, stat!.size);
    return textFound(uri, await workspace.readFile(uri), stat!);
  }

  /** True when a remembered parse may be looked up by the file's stat, so the stat is taken before the text is read. */
  function statFirst(remember: boolean): boolean {
    return remember && !!parser?.remembered && parser.remembers !== false;
  }

  /** True when a file is read whole at once, its stat taken from the open file: no remembered parse to look up by its stat first. */
  function readsWhole(uri: DocUri, kind: DocKind, remember: boolean): boolean {
    return readsAtOnce(uri, kind) && !statFirst(remember);
  }

  /** What a whole read (`readFileSync`) found. */
  function wholeFound(uri: DocUri, kind: DocKind, r: TextRead | undefined, remember: boolean): Found {
    const before = beforeReading(uri, kind, r?.stat, remember);
    return before !== 'read' ? before : textFound(uri, r!.text, r!.stat);
  }

  /**
   * Reads a batch of the scan's files. Where the workspace reads on another thread, the
   * files read whole go there at once, and this thread parses meanwhile; the others (and
   * all of them when that thread fails) are read here: in a server a file at a time,
   * between turns for requests.
   */
  async function readBatch(batch: readonly ScannedFile[], betweenRequests: boolean): Promise<Found[]> {
    const found: Found[] = new Array(batch.length);
    const taken: boolean[] = new Array(batch.length).fill(false);
    const remember = batch.map((f) => !open.has(f.uri));
    const elsewhere = workspace.readFilesElsewhere ? batch.flatMap((f, j) => (readsWhole(f.uri, f.kind, remember[j]!) ? [j] : [])) : [];
    if (elsewhere.length > 0) {
      try {
        const reads = await workspace.readFilesElsewhere!(
          elsewhere.map((j) => batch[j]!.uri),
          config.maxFileSize,
          elsewhere.map((j) => batch[j]!.kind === 'note'),
        );
        elsewhere.forEach((j, i) => {
          found[j] = wholeFound(batch[j]!.uri, batch[j]!.kind, reads[i], remember[j]!);
          taken[j] = true;
        });
      } catch {
        // The workspace says why (a reader that failed); its files are read here.
      }
    }
    const here = batch.flatMap((_, j) => (taken[j] ? [] : [j]));
    if (betweenRequests) {
      for (const j of here) {
        found[j] = await read(batch[j]!.uri, batch[j]!.kind, remember[j]!);
        await pause();
      }
    } else {
      const reads = await Promise.all(here.map((j) => read(batch[j]!.uri, batch[j]!.kind, remember[j]!)));
      here.forEach((j, i) => (found[j] = reads[i]));
    }
    return found;
  }

  function readCheckedSync(uri: DocUri, kind: DocKind, remember: boolean): Found {
    // No remembered parse to look up by the stat: the file is opened once, its stat read with its text.
    if (!statFirst(remember)) return wholeFound(uri, kind, workspace.readFileSync!(uri, config.maxFileSize), remember);
    const stat = workspace.statSync!(uri);
    const before = beforeReading(uri, kind, stat, remember);
    if (before !== 'read') return before;
    return textFound(uri, workspace.readFileSync!(uri)?.text, stat!);
  }

  /** What is known of a file from its stat alone (gone, too large, its parse remembered), or that its text must be read. */
  function beforeReading(uri: DocUri, kind: DocKind, stat: FileStat | undefined, remember: boolean): Found | 'read' {
    diskStats.delete(uri);
    if (!stat) return undefined;
    diskStats.set(uri, stat);
    if (kind === 'source' && isExtractedFormat(uri)) return 'read';
    // Anchor files too: a 53 MB one took 4.5 GB to parse.
    if (stat.size > config.maxFileSize) {
      logger.warn(`Skipped ${uri}: ${formatBytes(stat.size)} is over groundedNotes.maxFileSize`);
      return { skip: tooLargeMessage(stat.size, config.maxFileSize) };
    }
    // A parse remembered for this very stat: the text is read only when a feature needs it.
    const remembered = remember && workspace.readFileSync ? parser?.remembered?.(uri, kind, stat) : undefined;
    if (remembered) return { remembered, stat };
    return 'read';
  }

  function textFound(uri: DocUri, text: string | undefined, stat: FileStat): Found {
    if (text === undefined) {
      logger.warn(`Skipped ${uri}: not readable as UTF-8 text`);
      return { skip: 'Not checked: the file could not be read as UTF-8 text (binary, unreadable, or removed while indexing)' };
    }
    return { text, stat };
  }

  /** Size and time of each file as it was last read from disk: a change no event reported shows there. */
  const diskStats = new Map<DocUri, FileStat>();

  /**
   * Re-reads the files among `uris` that the editor does not own and whose disk size or
   * time changed since they were read (every one of them when `always`, for a change
   * within one tick of a coarse clock); true when any text changed. Edits are computed
   * after this: a client that does not watch files (Neovim on Linux) sends no events,
   * and positions computed on old text write into the wrong places.
   */
  async function refreshFromDisk(uris: Iterable<DocUri>, always = false): Promise<boolean> {
    const list = [...new Set(uris)].filter((uri) => !open.has(uri) && index.classify(uri));
    let changed = false;
    for (let i = 0; i < list.length; i += BATCH) {
      await Promise.all(
        list.slice(i, i + BATCH).map(async (uri) => {
          const before = diskStats.get(uri);
          if (!always && before) {
            const now = await workspace.stat(uri);
            if (now && now.size === before.size && now.mtime === before.mtime) return;
          }
          const kind = index.classify(uri)!;
          const found = await read(uri, kind);
          if (found && 'text' in found && found.text === index.text(uri)) return;
          const wasIndexed = index.kindOf(uri) !== undefined;
          touch(uri, store(uri, kind, found), !wasIndexed || index.kindOf(uri) === undefined);
          changed = true;
        }),
      );
    }
    if (changed) changedSinceScan = true;
    return changed;
  }

  /** A PDF's or web page's extracted text, through the workspace (extraction is not the core's). */
  async function readExtracted(uri: DocUri, size: number): Promise<Found> {
    if (size > MAX_EXTRACTED_FILE_BYTES)
      return {
        skip: `Not checked: the file is ${formatBytes(size)}, over the ${formatBytes(MAX_EXTRACTED_FILE_BYTES)} read for a PDF or web page`,
      };
    if (!workspace.readExtracted) return { skip: 'Not checked: PDFs and web pages are not read here' };
    const doc = await workspace.readExtracted(uri);
    if (!doc) return { skip: 'Not checked: the file could not be read (unreadable, or removed while indexing)' };
    if ('error' in doc) {
      logger.warn(`Skipped ${uri}: ${doc.error}`);
      return { skip: `Not checked: ${doc.error}` };
    }
    if (doc.text.length > config.maxFileSize) {
      return {
        skip:
          `Not checked: its text is ${formatBytes(doc.text.length)}, ` +
          `over groundedNotes.maxFileSize (${formatBytes(config.maxFileSize)})`,
      };
    }
    return { text: doc.text, extracted: doc };
  }

  /** Indexes what `read` found; returns the citation keys whose meaning may have changed. */
  function store(uri: DocUri, kind: DocKind, found: Found, parsed?: ParsedDocument): Set<string> {
    if (!found || !('text' in found) || !found.extracted) extractedByUri.delete(uri);
    if (!found) return index.remove(uri);
    if ('skip' in found) return index.skip(uri, found.skip);
    if ('remembered' in found) return index.set(uri, kind, lazyText(uri, found.stat), 0, rememberedParse(uri, kind, found.remembered));
    if (found.extracted) {
      extractedByUri.set(uri, found.extracted);
      const keys = index.set(uri, kind, found.text, 0, parseDocument({ uri, kind, text: found.text, extracted: found.extracted }));
      // A scanned PDF is indexed (it can be cited whole) and says why it has no text.
      if (found.extracted.notice) index.notices.set(uri, found.extracted.notice);
      return keys;
    }
    return index.set(uri, kind, found.text, 0, parsed);
  }

  /** A remembered parse; one decoded on demand falls back on parsing the file's text when it cannot be decoded. */
  function rememberedParse(uri: DocUri, kind: DocKind, remembered: RememberedParse): ParsedDocument {
    if (typeof remembered !== 'function') return remembered;
    const now = () => remembered() ?? parseDocument({ uri, kind, text: index.text(uri) ?? '' });
    if (kind !== 'note') return now();
    return {
      kind: 'note',
      index: lazyNote(uri, () => {
        const parsed = now();
        return parsed.kind === 'note' ? parsed.index : parseNote(uri, '');
      }),
    };
  }

  /** Reads a remembered file's text when first needed; if it changed meanwhile, the index re-reads it from that text. */
  function lazyText(uri: DocUri, stat: FileStat): () => { text: string; changed: boolean } | undefined {
    return () => {
      const r = workspace.readFileSync?.(uri);
      return r?.text !== undefined ? { text: r.text, changed: !sameStat(r.stat, stat) } : undefined;
    };
  }

  /** Files listed by the scan that it does not read (attachments): links may name them. */
  let others: readonly DocUri[] = [];
  /** PDFs and web pages as extracted during the scan (their text is not the parser's to remember). */
  const extractedByUri = new Map<DocUri, ExtractedDocument>();

  /** The scan's listing, made once (after the link conventions) for `savedBeforeScan` and `initialize`. */
  let listingOnce: Promise<Listing | undefined> | undefined;
  function listOnce(token?: CancellationToken): Promise<Listing | undefined> {
    return (listingOnce ??= (async () => {
      index.conventions = await detectConventions(workspace, config.linkStyle);
      return scanFiles(workspace, index, token, (uri) => index.listed(uri));
    })());
  }

  /** What else the scan's results depend on (what saved problems must agree with). */
  function scanState(): ScanState {
    const extracted = [...extractedByUri].map(([uri, doc]) => [uri, JSON.stringify(doc)] as const);
    return { conventions: JSON.stringify(index.conventions), others, extracted };
  }

  /** The files the scan skipped, and why (what saved problems must agree with). */
  function skippedFiles(): Map<DocUri, string> {
    return new Map([...index.skipped].map(([uri, s]) => [uri, s.reason]));
  }

  async function load(uri: DocUri, kind: DocKind): Promise<Set<string>> {
    return store(uri, kind, await read(uri, kind));
  }

  function problemsOf(uri: DocUri): Problem[] {
    // A file that was not read has only the problems of files as such (GN007), as they are.
    const skipped = index.skipped.has(uri);
    const raw: Problem[] = [];
    const note = skipped ? undefined : index.note(uri);
    const source = skipped ? undefined : index.source(uri);
    const file = skipped ? undefined : index.anchorFile(uri);
    for (const rule of rules) {
      try {
        if (rule.checkFile) appendAll(raw, rule.checkFile(uri, index));
        if (note && rule.checkNote) appendAll(raw, rule.checkNote(note, index));
        if (source && rule.checkSource) appendAll(raw, rule.checkSource(source, index));
        if (file && rule.checkAnchorFile) appendAll(raw, rule.checkAnchorFile(file, index));
      } catch (e) {
        // One broken check must not take the others away, nor pass for a clean file.
        logger.error(`Rule ${rule.code} failed on ${uri}: ${(e as Error).stack ?? e}`);
        raw.push(checkFailure(uri, rule, e));
      }
    }
    if (skipped) return raw;
    if (note) {
      if (index.resolutionsOf(note).some(isUnresolved)) unresolved.add(uri);
      else unresolved.delete(uri);
    }
    const out: Problem[] = [];
    for (const p of raw) {
      if (p.uri !== uri) continue;
      const severity = effectiveSeverity(p.code, config, !!source || !!file, p.severity);
      if (severity === 'off') continue;
      out.push(withSeverity(p, severity, quickFixes));
    }
    out.sort(
      (a, b) =>
        a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || compareOrdinal(a.code, b.code),
    );
    const capped = capProblems(out);
    const more = capped[capped.length - 1];
    if (more?.code === moreProblems.code) {
      const severity = effectiveSeverity(moreProblems.code, config, !!source || !!file, more.severity);
      if (severity === 'off') capped.pop();
      else more.severity = severity;
    }
    return capped;
  }

  const current = new Map<DocUri, Problem[]>();
  /** Documents whose problems must be recomputed, oldest mark first. */
  const pending = new Set<DocUri>();
  /** Documents whose problems were recomputed but not yet taken by `takeChangedProblems`. */
  const unpublished = new Set<DocUri>();

  /** Takes the dirty marks into `pending`, in order (all documents after a scan or a settings change). */
  function collectDirty(): void {
    // Before documents are checked: what the reading thread found of notes since.
    workspace.takeNoteFacts?.();
    if (allDirty) for (const uri of allUris()) pending.add(uri);
    allDirty = false;
    for (const uri of dirty) pending.add(uri);
    dirty.clear();
  }

  function recompute(uri: DocUri): void {
    pending.delete(uri);
    const known = index.kindOf(uri) !== undefined || index.skipped.has(uri);
    if (known) current.set(uri, problemsOf(uri));
    else current.delete(uri);
    unpublished.add(uri);
  }

  /**
   * Recomputes the problems of up to `limit` dirty documents (all by default). During the
   * scan only open documents are checked, a note once the files its links name are read
   * (`held` until then); the others wait for the scan's end, when every file they name is
   * indexed: checked before, a link into a note not read yet was judged on what little was
   * known (a missing heading went unreported, and on a warm start its saved report was
   * taken back).
   */
  function refresh(limit = Infinity): void {
    collectDirty();
    let n = 0;
    for (const uri of pending) {
      if (!checkable(uri)) continue;
      if (n++ >= limit) break;
      recompute(uri);
    }
  }

  /** Whether a dirty document may be checked now (`refresh`): not one held, nor one that waits for the scan's end. */
  function checkable(uri: DocUri): boolean {
    return !held.has(uri) && !waitsForScanEnd(uri);
  }

  /** During the scan a document that is not open waits for its end to be checked: the end makes its change. */
  function waitsForScanEnd(uri: DocUri): boolean {
    return scanning && !open.has(uri);
  }

  /** Files being read on demand: several requests may ask for the same file at once. */
  const loading = new Map<DocUri, Promise<void>>();

  /**
   * Reads and indexes one file on demand during the scan, once however many ask. What
   * it changes is marked: the scan may end while it is read, and then nothing else
   * would check and publish it.
   */
  function loadEarly(uri: DocUri, kind: DocKind): Promise<void> {
    let p = loading.get(uri);
    if (!p) {
      loadedEarly.set(uri, undefined);
      p = read(uri, kind)
        .then((found) => {
          loadedEarly.set(uri, found && 'stat' in found ? found.stat : undefined);
          touch(uri, store(uri, kind, found), true);
        })
        .finally(() => loading.delete(uri));
      loading.set(uri, p);
    }
    return p;
  }

  /** Reads (on demand, during the scan) every file the links of a document may name that is not indexed yet. */
  async function loadTargets(uri: DocUri, only?: LinkNames): Promise<void> {
    const note = index.note(uri);
    if (!note) return;
    for (const target of index.candidateTargets(note, only ? [only] : undefined)) {
      if (index.kindOf(target) !== undefined || index.skipped.has(target) || open.has(target)) continue;
      const kind = index.classify(target);
      if (!kind) continue;
      await loadEarly(target, kind);
      // A source's anchor file says where its named anchors are.
      const source = index.source(target);
      const anchors = source ? index.anchorFileUriFor(source) : undefined;
      if (anchors && index.files.get(anchors) && index.kindOf(anchors) === undefined) await loadEarly(anchors, 'anchorFile');
      // Reading every target of a note shares the slices with the scan; a request's one link is read at once
      // (paused, it would wait behind the scan's slice in every turn).
      if (!only) await pause();
    }
  }

  /** When the current slice of work during the scan began (`pause`). */
  let sliceStart = Date.now();
  /** The turn for waiting requests that paused work is waiting for, if one is under way. */
  let turn: Promise<void> | undefined;

  /**
   * Lets requests waiting on this thread have their turn once the current slice of work
   * has lasted `SLICE_MS` (only a server yields). The scan, the files read on demand and
   * the tables being built share one clock: work resumed in the same turn as other work
   * waits for the next turn once the slice is spent, instead of adding a slice of its own.
   */
  async function pause(): Promise<void> {
    const yieldToRequests = options.yieldToRequests;
    if (!yieldToRequests) return;
    while (Date.now() - sliceStart >= SLICE_MS) {
      turn ??= yieldToRequests().then(() => {
        turn = undefined;
        sliceStart = Date.now();
      });
      await turn;
    }
  }

  /** Runs steps, pausing between them for waiting requests (`pause`). */
  async function inSlices(steps: Iterable<void>): Promise<void> {
    for (const _ of steps) await pause();
  }

  /**
   * Before a held note's first check: the did-you-mean tables its missing targets need,
   * built in slices with requests answered between them (built at its check, they held
   * every request for a tenth of a second on 10,000 names). Once per note.
   */
  async function suggestionsReady(uri: DocUri): Promise<void> {
    const note = index.note(uri);
    if (!note || !held.has(uri) || !options.yieldToRequests) return;
    const ready = inSlices(tableSteps(note));
    tablesFor.set(uri, ready);
    try {
      await ready;
    } finally {
      tablesFor.delete(uri);
    }
  }

  /** The steps of `suggestionsReady`: the kinds of name the note's missing targets need, then their tables. */
  function* tableSteps(note: NoteIndex): Generator<void> {
    const kinds = new Set<SuggestionKind>();
    yield* index.askedKindSteps(note, kinds);
    yield* index.suggestionSteps(kinds);
  }

  /**
   * One document's current problems, recomputed first if it is dirty, but not a note held
   * during the scan: asked for its quick fixes before the files its links name are read, it
   * has none yet, rather than problems judged on half an index that would then be published.
   */
  function problemsFor(uri: DocUri): Problem[] {
    collectDirty();
    if (pending.has(uri) && !held.has(uri)) recompute(uri);
    return current.get(uri) ?? [];
  }

  /** `problemsFor`, with their quick fixes: a saved problem's are read now, the first time. */
  function problemsWithFixes(uri: DocUri): Problem[] {
    const problems = problemsFor(uri);
    const unread = fixesUnread.get(uri);
    if (unread) {
      fixesUnread.delete(uri);
      // Unless the document was checked again since (its problems carry their own).
      const saved = unread === problems ? parser?.savedFixes?.(uri) : undefined;
      saved?.forEach((fixes, i) => {
        if (fixes && problems[i]) problems[i].fixes = fixes;
      });
    }
    return problems;
  }

  function allUris(): DocUri[] {
    return [...index.notes(), ...index.sources(), ...index.anchorFiles()].map((d) => d.uri).concat([...index.skipped.keys()]);
  }

  /** Sizes of attachments, read for hovers, until the file changes. */
  const sizes = new Map<DocUri, number>();

  const service: NotesService = {
    get config() {
      return config;
    },
    view: index,
    setConfig(next) {
      const restyle = next.linkStyle !== config.linkStyle;
      config = next;
      index.config = next;
      if (restyle)
        index.conventions = extended(index.conventions, { style: next.linkStyle === 'auto' ? index.conventions.detected : next.linkStyle });
      allDirty = true;
    },
    async savedBeforeScan() {
      if (!parser?.savedResult) return undefined;
      const listing = await listOnce();
      return listing && parser.savedResult(listing, JSON.stringify(index.conventions), true);
    },
    async initialize(token?: CancellationToken, progress?: (done: number, total: number) => void) {
      // Every name is known before any file is read: a link is never judged against half a listing.
      const listing = await listOnce(token);
      if (!listing) return;
      const files = listing.files;
      others = listing.others;
      listingDone();
      let done = 0;
      const yieldToRequests = options.yieldToRequests;
      /** Reads a batch (reads overlap) and has it parsed, possibly on other threads. */
      const readAndParse = async (from: number) => {
        // Open files are read too: their disk text counts for the persisted index's fingerprint.
        const batch = files.slice(from, from + BATCH);
        const found = await readBatch(batch, !!yieldToRequests);
        const inputs: ParseInput[] = [];
        for (let j = 0; j < batch.length; j++) {
          const r = found[j];
          // Extracted text is indexed here: it comes with its structure, and its cache is the extractor's.
          if (r && 'text' in r && !r.extracted)
            inputs.push({ uri: batch[j]!.uri, kind: batch[j]!.kind, text: r.text, ...(r.stat ? { stat: r.stat } : {}) });
        }
        const parsed: (ParsedDocument | undefined)[] = [];
        if (parser && inputs.length > 0) {
          try {
            // A server parses a few files at a time between turns for requests; the command line, a batch at once.
            const group = yieldToRequests ? PARSE_GROUP : inputs.length;
            for (let j = 0; j < inputs.length; j += group) {
              parsed.push(...(await parser.parse(inputs.slice(j, j + group))));
              await pause();
            }
          } catch (e) {
            logger.error(`Parsing elsewhere failed, parsing here: ${(e as Error).message}`);
          }
        }
        return { batch, found, inputs, parsed };
      };
      // Batches in flight: two where reads wait for the disk or files go to parsing threads (one
      // batch is read while the other is parsed), eight where files are read on another thread
      // (a batch's round trip there costs about as long as its parse here). Indexing stays on
      // this thread, in order.
      const ahead = workspace.readFilesElsewhere ? READ_AHEAD : 2;
      const inflight: ReturnType<typeof readAndParse>[] = [];
      for (let k = 0; k < ahead && k * BATCH < files.length; k++) inflight.push(readAndParse(k * BATCH));
      for (let i = 0; i < files.length; i += BATCH) {
        const { batch, found, inputs, parsed } = await inflight.shift()!;
        if (i + ahead * BATCH < files.length) inflight.push(readAndParse(i + ahead * BATCH));
        const byUri = new Map<DocUri, ParsedDocument>();
        inputs.forEach((input, j) => {
          const p = parsed[j];
          if (p) byUri.set(input.uri, p);
        });
        for (let j = 0; j < batch.length; j++) {
          const f = batch[j]!;
          // Read already, on demand, for a document opened meanwhile.
          if (loadedEarly.has(f.uri)) {
            // Still being read on demand: its stat is known once that read ends.
            await loading.get(f.uri);
            const r = found[j];
            const early = loadedEarly.get(f.uri);
            if (!early || !r || !('stat' in r) || !r.stat || !sameStat(early, r.stat)) earlyDiffers = true;
            continue;
          }
          // An editor may have opened the file while it was being read: its text wins.
          if (open.has(f.uri)) {
            const r = found[j];
            scanText.set(f.uri, r && 'text' in r ? r.text : r && 'remembered' in r ? workspace.readFileSync?.(f.uri)?.text : undefined);
            continue;
          }
          try {
            store(f.uri, f.kind, found[j], byUri.get(f.uri));
          } catch (e) {
            logger.error(`Could not index ${f.uri}: ${(e as Error).message}`);
          }
          // A hover waiting behind this batch is answered now, from what is indexed so far.
          await pause();
        }
        done = Math.min(files.length, i + BATCH);
        progress?.(done, files.length);
        if (token?.isCancellationRequested) return;
      }
      const saved = openMatchesDisk() && !earlyDiffers ? parser?.savedProblems?.(skippedFiles(), scanState()) : undefined;
      // A server builds the tables the full check will look nearly every missing name up in (a
      // plain name, as `missingKind` looks it up, and a path), in slices and before it releases
      // the held notes: built at the first lookup, they stopped it for 0.1–0.17 s.
      if (!saved && options.yieldToRequests) await inSlices(index.suggestionSteps([nameKind(index), 'path']));
      scanning = false;
      held.clear();
      if (saved) {
        // Nothing changed since the saved check: its problems stand as they are.
        for (const [uri, problems] of saved) {
          // An open note checked once the files its links name were read keeps that check: the
          // same problems (its text is the one saved), already published.
          if (open.has(uri) && current.has(uri)) continue;
          current.set(uri, problems);
          if (problems.length > 0) fixesUnread.set(uri, problems);
          unpublished.add(uri);
          if (problems.some((p) => UNRESOLVED_CODES.has(p.code))) unresolved.add(uri);
        }
        allDirty = false;
        dirty.clear();
        return;
      }
      scanned = true;
      allDirty = true;
    },
    unmadeLookupsInSteps(documents) {
      collectDirty();
      return index.lookupSteps(
        [...pending].filter((uri) => !held.has(uri)),
        documents,
      );
    },
    lookupNames() {
      return index.lookupNames();
    },
    answerLookups(lookups, from, found) {
      index.answerLookups(lookups, from, found);
    },
    saveProblems() {
      // Saved problems must be those of the files as the scan read them.
      if (!scanned || changedSinceScan || !parser?.saveProblems || !openMatchesDisk()) return;
      refresh();
      parser.saveProblems(new Map(current), skippedFiles(), scanState());
    },
    openDocument(uri, text, version) {
      const kind = index.classify(uri);
      // A PDF or web page is read as its extracted text from disk, never as an editor's text.
      if (!kind || (kind === 'source' && isExtractedFormat(uri))) return;
      if (scanned && index.text(uri) !== text) changedSinceScan = true;
      // Opened during the scan after the scan read it: the disk text is what the index holds now.
      if (!scanned && !open.has(uri) && !scanText.has(uri) && index.kindOf(uri) !== undefined) scanText.set(uri, index.text(uri));
      const wasIndexed = index.kindOf(uri) !== undefined || index.skipped.has(uri);
      open.set(uri, version);
      // The same limit as on disk: a 20 MB note opened in the editor got no answer in 140 s.
      const size = utf8Length(text);
      const keys =
        size > config.maxFileSize ? index.skip(uri, tooLargeMessage(size, config.maxFileSize)) : index.set(uri, kind, text, version);
      touch(uri, keys, !wasIndexed);
      // During the scan its problems wait for the files its links name (`prepare`).
      if (scanning && kind === 'note') held.add(uri);
    },
    async prepare(uri, position) {
      if (!scanning) return;
      await listed;
      // A request on one link waits for the files it may name; the note's check waits for them all.
      const at = position ? citationAt(index, uri, position) : undefined;
      if (at) return loadTargets(uri, at.citation);
      await loadTargets(uri);
      // The first request for a held note waits for its did-you-mean tables, then releases it;
      // the hovers that come meanwhile are answered without waiting for them.
      if (tablesFor.has(uri)) return;
      await suggestionsReady(uri);
      // Checked once released (files read on demand mark what they change themselves):
      // a request every few milliseconds must not re-check the note each time.
      if (held.delete(uri)) dirty.add(uri);
    },
    async prepareCompletion(uri, position) {
      if (!scanning) return;
      await listed;
      // The files the link at the cursor names, the one being written included (`[[note#`, still
      // unclosed: its headings).
      const at = citationAt(index, uri, position)?.citation;
      const link = at && !at.malformed ? at : linkBeingWritten(index, uri, position);
      if (link) await loadTargets(uri, link);
    },
    async closeDocument(uri) {
      if (!open.delete(uri)) return;
      const kind = index.classify(uri);
      if (!kind || (kind === 'source' && isExtractedFormat(uri))) return;
      const keys = await load(uri, kind);
      touch(uri, keys, index.kindOf(uri) === undefined);
    },
    async filesChanged(changes: FileChange[]) {
      if (changes.length > 0) changedSinceScan = true;
      for (const change of changes) {
        sizes.delete(change.uri);
        if (open.has(change.uri) && change.kind !== 'deleted') continue;
        const kind = index.classify(change.uri);
        if (!kind) {
          // An attachment appeared or went: links to it change meaning.
          if (!index.inWorkspace(change.uri)) continue;
          const keys = change.kind === 'deleted' ? index.remove(change.uri) : index.register(change.uri);
          if (keys.size > 0) touch(change.uri, keys, true);
          continue;
        }
        const wasIndexed = index.kindOf(change.uri) !== undefined;
        if (change.kind === 'deleted') {
          open.delete(change.uri);
          const keys = index.remove(change.uri);
          touch(change.uri, keys, true);
        } else {
          const keys = await load(change.uri, kind);
          touch(change.uri, keys, !wasIndexed || index.kindOf(change.uri) === undefined);
        }
      }
    },
    takeChangedProblems(limit?: number) {
      refresh(limit);
      // Taken a slice at a time too: a warm start's saved problems wait all at once, and a
      // server that writes each slice as it goes lets the editor read them meanwhile.
      const most = limit === undefined ? Infinity : limit * TAKEN_PER_CHECK;
      const changed = new Map<DocUri, Problem[]>();
      for (const uri of unpublished) {
        if (changed.size >= most) break;
        changed.set(uri, current.get(uri) ?? []);
      }
      if (changed.size === unpublished.size) unpublished.clear();
      else for (const uri of changed.keys()) unpublished.delete(uri);
      return changed;
    },
    allProblems() {
      refresh();
      return new Map(current);
    },
    get pendingChecks() {
      collectDirty();
      return pending.size;
    },
    get pendingChanges() {
      collectDirty();
      if (!scanning) return pending.size + unpublished.size;
      // Not those that wait for the scan's end: a warm start's saved problems stand meanwhile,
      // and it is ready with them.
      let waiting = 0;
      for (const uri of pending) if (waitsForScanEnd(uri)) waiting++;
      return pending.size - waiting + unpublished.size;
    },
    hover: (uri, position) => hover(index, uri, position, problemsFor, (u) => sizes.get(u)),
    async prepareHover(uri, position) {
      const at = citationAt(index, uri, position);
      const r = at ? index.resolve(at.note, at.citation) : undefined;
      if (r?.kind !== 'file' || sizes.has(r.uri)) return;
      const stat = await workspace.stat(r.uri).catch(() => undefined);
      if (stat) sizes.set(r.uri, stat.size);
    },
    completion: (uri, position) => completion(index, uri, position),
    completionLimit: COMPLETION_LIMIT,
    definition: (uri, position) => definition(index, uri, position),
    references: (uri, position, includeDeclaration) => references(index, uri, position, includeDeclaration),
    prepareRename: (uri, position) => prepareRename(index, uri, position),
    async rename(uri, position, newName) {
      // Any note may have changed on disk unnoticed: citations and links there move with the text.
      await refreshFromDisk([...index.notes(), ...index.anchorFiles()].map((d) => d.uri));
      const result = rename(index, uri, position, newName);
      // The files the edit writes are read again whatever their stat says.
      return (await refreshFromDisk(
        result.edits.map((e) => e.uri),
        true,
      ))
        ? rename(index, uri, position, newName)
        : result;
    },
    async renameFiles(renames) {
      await refreshFromDisk([...index.notes()].map((d) => d.uri));
      const edits = () => ({ edits: moveEdits(index, expandMoves(index, renames)) });
      const result = edits();
      return (await refreshFromDisk(
        result.edits.map((e) => e.uri),
        true,
      ))
        ? edits()
        : result;
    },
    async filesRenamed(renames) {
      // A folder's files move with it; the index learns each file's new place.
      const changes: FileChange[] = [];
      for (const [from, to] of expandMoves(index, renames)) changes.push({ uri: from, kind: 'deleted' }, { uri: to, kind: 'created' });
      await service.filesChanged(changes);
    },
    async createAnchor(uri, range, slug) {
      const result = createAnchor(index, uri, range, slug);
      return (await refreshFromDisk([result.anchorFileUri], true)) ? createAnchor(index, uri, range, slug) : result;
    },
    proposeAnchor: (uri, range) => proposeAnchor(index, uri, range),
    sources: () => listSources(index),
    anchors: (source) => listAnchors(index, source),
    sourceText: (uri) => (index.source(uri) ? index.text(uri) : undefined),
    locateQuote: (uri, selected, page) => locateQuote(index, uri, selected, page)?.range,
    timeline: (options) => sourceTimelines(index, options),
    pageOf(uri, position) {
      // Only a PDF has pages: a note's text (not kept for a remembered parse) is not read for nothing.
      const source = index.source(uri);
      const lines = source?.pages ? index.lines(uri) : undefined;
      return source && lines ? pagePosition(source, lines.offsetAt(position)) : undefined;
    },
    counts() {
      const problems = countProblems(service.allProblems().values());
      return { notes: [...index.notes()].length, sources: [...index.sources()].length, ...problems };
    },
    documentLinks: (uri) => documentLinks(index, uri),
    documentSymbols: (uri) => documentSymbols(index, uri),
    workspaceSymbols: (query) => workspaceSymbols(index, query),
    codeActions: (uri, range, codes) => codeActions(problemsWithFixes(uri), range, codes),
    codeLenses: (uri) => codeLenses(index, uri),
  };
  return Object.freeze(service);
}

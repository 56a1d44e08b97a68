/**
 * The language service's one entry: `createNotesService({ workspace, config, logger })`.
 * Wiring happens here; features live one per file in `features/`.
 */
import type { CancellationToken, Logger, NotesService, NotesServiceOptions } from './api.js';
import { defaultConfig, type NotesConfig } from './config.js';
import { codeActions } from './features/codeActions.js';
import { completion } from './features/completion.js';
import { definition } from './features/definition.js';
import { documentLinks } from './features/links.js';
import { hover } from './features/hover.js';
import { codeLenses } from './features/codeLens.js';
import { references } from './features/references.js';
import { prepareRename, rename } from './features/rename.js';
import { documentSymbols, workspaceSymbols } from './features/symbols.js';
import { effectiveSeverity, rules } from './rules/registry.js';
import type { DocUri, Problem } from './types.js';
import { WorkspaceIndex, type DocKind } from './workspaceIndex.js';
import type { FileChange, Workspace } from './workspace.js';

export type { NotesService, NotesServiceOptions } from './api.js';
export { NotesError } from './api.js';
export { MemoryWorkspace } from './workspace.js';
export { defaultConfig, readConfig, fromSettingsJson } from './config.js';
export { rules, ruleByCode, effectiveSeverity, ruleDocAnchor } from './rules/registry.js';

const silent: Logger = { info() {}, warn() {}, error() {} };
const EXTENSIONS = ['.md', '.txt', '.yaml'];

function formatBytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Creates the language service over an injected workspace. */
export function createNotesService(options: NotesServiceOptions): NotesService {
  const workspace: Workspace = options.workspace;
  const logger = options.logger ?? silent;
  let config: NotesConfig = options.config ?? defaultConfig;
  const index = new WorkspaceIndex(config, workspace.folders);
  /** Editor-owned documents: their text wins over the disk. */
  const open = new Map<DocUri, number>();
  const dirty = new Set<DocUri>();
  /** Notes with a citation that resolved to nothing: additions may fix them. */
  const unresolved = new Set<DocUri>();
  let allDirty = true;

  /** Marks what a change to these citation keys affects. */
  function touch(uri: DocUri, keys: Set<string>, structural: boolean): void {
    dirty.add(uri);
    for (const n of index.notesCiting(keys)) dirty.add(n);
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

  async function load(uri: DocUri, kind: DocKind): Promise<Set<string>> {
    const stat = await workspace.stat(uri);
    if (!stat) return index.remove(uri);
    if (kind !== 'anchorFile' && stat.size > config.maxFileSize) {
      logger.warn(`Skipped ${uri}: ${formatBytes(stat.size)} is over groundedNotes.maxFileSize`);
      return index.skip(uri, `Not checked: the file is ${formatBytes(stat.size)}, over groundedNotes.maxFileSize (${formatBytes(config.maxFileSize)})`);
    }
    const text = await workspace.readFile(uri);
    if (text === undefined) {
      logger.warn(`Skipped ${uri}: not readable as UTF-8 text`);
      return index.skip(uri, 'Not checked: the file could not be read as UTF-8 text (binary, unreadable, or removed while indexing)');
    }
    return index.set(uri, kind, text, 0);
  }

  function problemsOf(uri: DocUri): Problem[] {
    const skipped = index.skipped.get(uri);
    if (skipped) {
      return [{ uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, code: 'GN007', message: skipped.reason, severity: 'information' }];
    }
    const raw: Problem[] = [];
    const note = index.note(uri);
    const source = index.source(uri);
    const file = index.anchorFile(uri);
    for (const rule of rules) {
      try {
        if (note && rule.checkNote) raw.push(...rule.checkNote(note, index));
        if (source && rule.checkSource) raw.push(...rule.checkSource(source, index));
        if (file && rule.checkAnchorFile) raw.push(...rule.checkAnchorFile(file, index));
      } catch (e) {
        // One broken check must not take the others away.
        logger.error(`Rule ${rule.code} failed on ${uri}: ${(e as Error).stack ?? e}`);
      }
    }
    if (note) {
      if (note.citations.some((c) => ['unknownTarget', 'unknownHeading', 'ambiguous'].includes(index.resolve(note, c).kind))) unresolved.add(uri);
      else unresolved.delete(uri);
    }
    const out: Problem[] = [];
    for (const p of raw) {
      if (p.uri !== uri) continue;
      const severity = effectiveSeverity(p.code, config, !!source || !!file, p.severity);
      if (severity === 'off') continue;
      out.push({ ...p, severity });
    }
    out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
    return out;
  }

  const current = new Map<DocUri, Problem[]>();
  /** Documents whose problems were recomputed but not yet taken by `takeChangedProblems`. */
  const unpublished = new Set<DocUri>();

  /** Recomputes the problems of every dirty document. */
  function refresh(): void {
    const targets = allDirty ? allUris().concat([...dirty]) : [...dirty];
    allDirty = false;
    dirty.clear();
    for (const uri of targets) {
      const known = index.kindOf(uri) !== undefined || index.skipped.has(uri);
      if (known) current.set(uri, problemsOf(uri));
      else current.delete(uri);
      unpublished.add(uri);
    }
  }

  function allUris(): DocUri[] {
    return [...index.notes(), ...index.sources(), ...index.anchorFiles()].map((d) => d.uri).concat([...index.skipped.keys()]);
  }

  const service: NotesService = {
    get config() {
      return config;
    },
    view: index,
    setConfig(next) {
      config = next;
      index.config = next;
      allDirty = true;
    },
    async initialize(token?: CancellationToken, progress?: (done: number, total: number) => void) {
      const files: { uri: DocUri; kind: DocKind }[] = [];
      for (const folder of workspace.folders) {
        for (const uri of await workspace.listFiles(folder, EXTENSIONS)) {
          const kind = index.classify(uri);
          if (kind) files.push({ uri, kind });
        }
        if (token?.isCancellationRequested) return;
      }
      // Sources and anchor files first: notes resolve against them.
      files.sort((a, b) => (a.kind === 'note' ? 1 : 0) - (b.kind === 'note' ? 1 : 0));
      let done = 0;
      for (const f of files) {
        if (!open.has(f.uri)) {
          try {
            await load(f.uri, f.kind);
          } catch (e) {
            logger.error(`Could not index ${f.uri}: ${(e as Error).message}`);
          }
        }
        done++;
        if (progress && (done % 200 === 0 || done === files.length)) progress(done, files.length);
        if (token?.isCancellationRequested) return;
      }
      allDirty = true;
    },
    openDocument(uri, text, version) {
      const kind = index.classify(uri);
      if (!kind) return;
      const wasIndexed = index.kindOf(uri) !== undefined;
      open.set(uri, version);
      const keys = index.set(uri, kind, text, version);
      touch(uri, keys, !wasIndexed);
    },
    async closeDocument(uri) {
      if (!open.delete(uri)) return;
      const kind = index.classify(uri);
      if (!kind) return;
      const keys = await load(uri, kind);
      touch(uri, keys, index.kindOf(uri) === undefined);
    },
    async filesChanged(changes: FileChange[]) {
      for (const change of changes) {
        if (open.has(change.uri) && change.kind !== 'deleted') continue;
        const kind = index.classify(change.uri);
        if (!kind) continue;
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
    takeChangedProblems() {
      refresh();
      const changed = new Map<DocUri, Problem[]>();
      for (const uri of unpublished) changed.set(uri, current.get(uri) ?? []);
      unpublished.clear();
      return changed;
    },
    allProblems() {
      refresh();
      return new Map(current);
    },
    hover(uri, position) {
      refresh();
      return hover(index, uri, position, (u) => current.get(u) ?? []);
    },
    completion: (uri, position) => completion(index, uri, position),
    definition: (uri, position) => definition(index, uri, position),
    references: (uri, position, includeDeclaration) => references(index, uri, position, includeDeclaration),
    prepareRename: (uri, position) => prepareRename(index, uri, position),
    rename: (uri, position, newName) => rename(index, uri, position, newName),
    documentLinks: (uri) => documentLinks(index, uri),
    documentSymbols: (uri) => documentSymbols(index, uri),
    workspaceSymbols: (query) => workspaceSymbols(index, query),
    codeActions(uri, range, codes) {
      refresh();
      return codeActions(current.get(uri) ?? [], range, codes);
    },
    codeLenses: (uri) => codeLenses(index, uri),
  };
  return Object.freeze(service);
}

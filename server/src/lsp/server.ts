/**
 * The language server: a thin adapter from LSP to the notes service. Each handler
 * gets the document, delegates, converts. Every handler is guarded: an unexpected
 * throw answers that request with an error and is logged; the server keeps running.
 */
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type RenameFilesParams,
  WillRenameFilesRequest,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NotesError, type NotesService } from '../core/api.js';
import { readConfig, type NotesConfig } from '../core/config.js';
import { countProblems, createNotesService } from '../core/index.js';
import type { FileChange } from '../core/workspace.js';
import type { Problem } from '../core/types.js';
import { VERSION } from '../core/product.js';
import { ClientToServer, ServerToClient } from '../../../shared/protocol.js';
import { NodeWorkspace, loadSettings, normalizeUri, uriToPath } from '../node/nodeWorkspace.js';
import { ParsePool, WORKER_SCRIPT } from '../node/parsePool.js';
import { EXTRACT_WORKER_SCRIPT, Extractor } from '../node/extract/extractor.js';
import { FileExtractedCache } from '../node/extract/extractedCache.js';
import {
  toCodeAction,
  toCompletion,
  toDiagnostic,
  toDocumentSymbol,
  toRenameEdit,
  toSymbolInformation,
  toWorkspaceEdit,
  type VersionOf,
} from './convert.js';

/** Edits that arrive in the same turn of the event loop are checked together; a re-check of one note takes milliseconds. */
const PUBLISH_DELAY_MS = 0;
/**
 * Time spent checking per turn of the event loop when publishing. Requests are answered
 * between turns, one per turn, so a turn must be short for a hover never to wait long.
 */
const CHECK_BUDGET_MS = 4;
/**
 * The persisted index is written only after this long without a request or an edit:
 * some of its steps take a tenth of a second on 10,000 notes (encoding every saved
 * problem, checksumming and writing the file), and a user who types or points right
 * after indexing must not wait behind them.
 */
const PERSIST_AFTER_IDLE_MS = 500;
/** A warm start's saved diagnostics are written this many documents at a time (`publishSaved`). */
const EARLY_SLICE = 256;
/**
 * Runs `fn` once the requests that arrived meanwhile have been answered. The connection
 * handles what it reads in a `setImmediate` of its own, queued after the one work queued
 * before, and writes the answer in another: two more hops put the work behind both, so a
 * hover waits for one slice of work, not three.
 */
function afterWaitingRequests(fn: () => void): void {
  setImmediate(() => setImmediate(() => setImmediate(fn)));
}

/** How long a request that arrives before the service exists waits for it. */
const CREATE_WAIT_MS = 5000;
/** How long a long request waits for its cancellation before it starts. */
const CANCEL_GRACE_MS = 10;
/** Requests that may walk the whole workspace: they honour cancellation before they start. */
const LONG_REQUESTS = new Set(['references', 'rename', 'willRenameFiles', 'workspaceSymbol', 'checkWorkspace', 'timeline']);
/** Files and folders whose renames the editor announces: every file and folder, as any of them can be a link target. */
const RENAME_FILTERS = { filters: [{ pattern: { glob: '**/*' } }] };

/** Starts the server on the connection chosen by the command line (`--stdio`, `--node-ipc`). */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  let service: NotesService | undefined;
  let folders: string[] = [];
  /** Where the persisted index lives (the editor's storage for this workspace), if anywhere. */
  let cacheDir: string | undefined;
  /** The scan's parser and persisted index, until the first full check is saved. */
  let pool: ParsePool | undefined;
  /** Extracted text of PDFs and web pages by content hash, persisted with the index. */
  let extracted: FileExtractedCache | undefined;
  /** The workspace, made as soon as its folders are known (`initialize`). */
  let started: NodeWorkspace | undefined;
  let canConfigure = false;
  let canWatch = false;
  /** Whether the editor applies file renames inside a workspace edit (a note renamed from a link to it). */
  let canRenameFiles = false;
  /** The client takes versioned `documentChanges` in workspace edits. */
  let canVersionEdits = false;
  let indexing = true;
  let publishTimer: NodeJS.Timeout | undefined;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  /** Resolves once the service exists (requests that arrive while settings are read wait for it). */
  let markCreated!: () => void;
  const created = new Promise<void>((resolve) => (markCreated = resolve));

  const log = (m: string) => connection.console.log(m);

  /** The version of each open document, for versioned edits (undefined when the client takes none). */
  function editVersions(): VersionOf | undefined {
    if (!canVersionEdits) return undefined;
    const versions = new Map(documents.all().map((d) => [normalizeUri(d.uri), d.version]));
    return (uri) => versions.get(uri) ?? null;
  }

  /** Rewrites the document URIs of a request's parameters into the form the core compares. */
  function normalizeParams(params: unknown): void {
    const p = params as { textDocument?: { uri?: unknown }; uri?: unknown } | undefined;
    if (typeof p?.textDocument?.uri === 'string') p.textDocument.uri = normalizeUri(p.textDocument.uri);
    if (typeof p?.uri === 'string') p.uri = normalizeUri(p.uri);
  }

  /** During the first scan, the files a document's links name are read before it is answered for. */
  async function prepared(uri: string, position?: Position): Promise<void> {
    if (indexing) await service?.prepare(uri, position);
  }

  /** When the last request or edit arrived (`PERSIST_AFTER_IDLE_MS`). */
  let lastActivity = 0;

  /** Runs a handler; unexpected throws become a ResponseError and a log line. */
  function guard<P, R>(name: string, fallback: R, fn: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      lastActivity = performance.now();
      if (!service) await Promise.race([created, new Promise((resolve) => setTimeout(resolve, CREATE_WAIT_MS))]);
      if (!service) return fallback;
      normalizeParams(params);
      try {
        if (LONG_REQUESTS.has(name)) {
          // Lets a `$/cancelRequest` that is already on its way arrive first (the connection
          // cancels the token as soon as it reads one): editors send it right after the request.
          await new Promise((resolve) => setTimeout(resolve, CANCEL_GRACE_MS));
          if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
        }
        return await fn(params, token);
      } catch (e) {
        if (e instanceof NotesError) return new ResponseError(ErrorCodes.InvalidRequest, e.message);
        connection.console.error(`${name} failed: ${(e as Error).stack ?? e}`);
        return new ResponseError(ErrorCodes.InternalError, `Grounded Notes: ${name} failed: ${(e as Error).message}`);
      }
    };
  }

  async function loadConfig(): Promise<NotesConfig> {
    if (canConfigure) {
      try {
        const raw = await connection.workspace.getConfiguration('groundedNotes');
        const { config, errors } = readConfig(raw);
        for (const e of errors) connection.window.showWarningMessage(`Grounded Notes: ${e}`);
        return config;
      } catch (e) {
        log(`Could not read settings: ${(e as Error).message}`);
      }
    }
    const { config, errors } = await loadSettings(folders[0] ?? '.');
    for (const e of errors) log(e);
    return config;
  }

  function sendStatus(): void {
    if (!service || service.pendingChanges > 0) return;
    if (indexing && earlyStatus) {
      void connection.sendNotification(ServerToClient.status, earlyStatus);
      return;
    }
    const { notes, sources, errors, warnings } = service.counts();
    const params: ServerToClient.StatusParams = { state: indexing ? 'indexing' : 'ready', notes, sources, errors, warnings };
    void connection.sendNotification(ServerToClient.status, params);
  }

  let publishing = false;
  /** Documents whose last publish held diagnostics (the client shows them until told otherwise). */
  const withDiagnostics = new Set<string>();
  /** A warm start's documents published before the scan, with the very lists sent: the scan hands the same over, and they are not sent again. */
  let publishedEarly: Map<string, readonly Problem[]> | undefined;
  /** The status those early diagnostics make (their counts, ready): what the editor is shown until the scan ends. */
  let earlyStatus: ServerToClient.StatusParams | undefined;

  /**
   * A warm start: when the listing and the files' stats show that nothing changed since the
   * last full check, its saved problems are published at once (documents the editor has
   * open excepted: theirs follow their own text), before the scan builds the index behind
   * them. Published after the scan, a 10,000-note vault's first diagnostics waited for the
   * whole index (the real vault shape: 1.13–1.24 s, against 0.74–0.82 s so).
   */
  async function publishSaved(): Promise<void> {
    try {
      const saved = await service!.savedBeforeScan();
      if (!saved) return;
      const open = new Set(documents.all().map((d) => normalizeUri(d.uri)));
      publishedEarly = new Map();
      for (const [uri, problems] of saved.problems) {
        if (problems.length === 0 || open.has(uri)) continue;
        withDiagnostics.add(uri);
        publishedEarly.set(uri, problems);
        void connection.sendDiagnostics({ uri, diagnostics: problems.map(toDiagnostic) });
        // Written a slice at a time: the editor reads one while the next is made.
        if (publishedEarly.size % EARLY_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      const { errors, warnings } = countProblems(saved.problems.values());
      earlyStatus = { state: 'ready', notes: saved.notes, sources: saved.sources, errors, warnings };
      sendStatus();
    } catch (e) {
      connection.console.error(`Publishing the saved problems failed: ${(e as Error).stack ?? e}`);
    }
  }

  /** Checks and publishes a slice of the dirty documents, then yields and goes on until none is left. */
  function publishNow(): void {
    publishTimer = undefined;
    if (!service) return;
    // Whether this slice checked anything: the checks left may all wait (a note opened during the
    // scan is held until the files its links name are read), and then asking again at once only
    // spun, slice after slice, while the scan that would release them waited for those slices.
    let checked = false;
    try {
      const started = performance.now();
      const open = new Set(documents.all().map((d) => normalizeUri(d.uri)));
      do {
        const changed = service.takeChangedProblems(4);
        checked = changed.size > 0;
        for (const [uri, problems] of changed) {
          // A client holds nothing for a document it was never sent diagnostics for: a closed file
          // without problems that had none is not published to (most files of a vault; each empty
          // publish cost the editor a message to read, most of its work at start-up).
          if (problems.length === 0 && !withDiagnostics.has(uri) && !open.has(uri)) continue;
          const early = publishedEarly?.get(uri);
          const diagnostics = early === problems ? undefined : problems.map(toDiagnostic);
          // Saved problems published before the scan, found again by a check after it: sent once.
          if (!diagnostics || (early && JSON.stringify(early.map(toDiagnostic)) === JSON.stringify(diagnostics))) continue;
          if (problems.length > 0) withDiagnostics.add(uri);
          else withDiagnostics.delete(uri);
          // The editor holds these now: the saved list, if it comes back, is sent again.
          publishedEarly?.delete(uri);
          void connection.sendDiagnostics({ uri, diagnostics });
        }
      } while (checked && service.pendingChanges > 0 && performance.now() - started < CHECK_BUDGET_MS);
    } catch (e) {
      connection.console.error(`Checking failed: ${(e as Error).stack ?? e}`);
    }
    if (service.pendingChanges > 0) {
      // What releases the held checks publishes again (`prepareThenPublish`, the end of the scan).
      publishing = checked;
      if (checked) afterWaitingRequests(publishNow);
    } else {
      publishing = false;
      if (pool && !indexing) {
        publishedEarly = undefined;
        earlyStatus = undefined;
        // The first full check after the scan: saved with the persisted index for the next start,
        // written in slices between requests.
        service.saveProblems();
        inSlices(pool.persistSteps());
        extracted?.persist();
        pool = undefined;
      }
      sendStatus();
    }
  }

  /** Steps still to run in slices (the persisted index being written); finished at once on shutdown. */
  let unfinished: Iterator<void> | undefined;

  /** Runs steps for up to `CHECK_BUDGET_MS` per turn of the event loop until they end, while no request or edit comes. */
  function inSlices(steps: Iterator<void>): void {
    unfinished = steps;
    const quiet = performance.now() - lastActivity;
    if (quiet < PERSIST_AFTER_IDLE_MS) {
      setTimeout(() => unfinished === steps && inSlices(steps), PERSIST_AFTER_IDLE_MS - quiet);
      return;
    }
    const started = performance.now();
    while (performance.now() - started < CHECK_BUDGET_MS) {
      if (steps.next().done) {
        unfinished = undefined;
        return;
      }
    }
    afterWaitingRequests(() => unfinished === steps && inSlices(steps));
  }

  // An editor closing right after the first check still leaves the persisted index written.
  connection.onShutdown(() => {
    while (unfinished && !unfinished.next().done);
    unfinished = undefined;
  });

  function schedulePublish(): void {
    if (!publishTimer && !publishing) publishTimer = setTimeout(publishNow, PUBLISH_DELAY_MS);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const wf = params.workspaceFolders?.map((f) => uriToPath(f.uri));
    folders = wf && wf.length > 0 ? wf : params.rootUri ? [uriToPath(params.rootUri)] : params.rootPath ? [params.rootPath] : [];
    canConfigure = !!params.capabilities.workspace?.configuration;
    canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canRenameFiles = !!params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('rename');
    canVersionEdits = !!params.capabilities.workspace?.workspaceEdit?.documentChanges;
    const options = params.initializationOptions as { cacheDir?: unknown } | undefined;
    cacheDir = typeof options?.cacheDir === 'string' && options.cacheDir !== '' ? options.cacheDir : undefined;
    extracted = cacheDir ? new FileExtractedCache(cacheDir, log) : undefined;
    const extractor = new Extractor({ workerScript: EXTRACT_WORKER_SCRIPT, ...(extracted ? { cache: extracted } : {}), log });
    // Files are read here, within the scan's slices: a reading thread made the first hovers slower (real shape, hover while indexing p95: 22–35 ms → 56–74 ms).
    started = new NodeWorkspace(folders, log, extractor);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['[', '#', '"'], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentLinkProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true }, fileOperations: { willRename: RENAME_FILTERS, didRename: RENAME_FILTERS } },
      },
      serverInfo: { name: 'grounded-notes', version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    const config = await loadConfig();
    const workspace = started!;
    pool = new ParsePool({ workerScript: WORKER_SCRIPT, log, stateKey: JSON.stringify(config), ...(cacheDir ? { cacheDir } : {}) });
    service = createNotesService({
      workspace,
      config,
      parser: pool,
      logger: { info: log, warn: log, error: (m) => connection.console.error(m) },
      // Between slices of the scan, requests that arrived meanwhile are answered.
      yieldToRequests: () => new Promise((resolve) => afterWaitingRequests(resolve)),
    });
    markCreated();
    if (canWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{md,txt,yaml,pdf,html,htm,mhtml,mht}' }],
      });
    }
    // The folders are walked while the editor answers the requests below (hovers wait for the
    // listing); not before the watcher is asked for, or a file made in between would go unseen.
    workspace.startListing();
    for (const doc of documents.all()) {
      const uri = normalizeUri(doc.uri);
      service.openDocument(uri, doc.getText(), doc.version);
      void prepareThenPublish(uri);
    }
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Grounded Notes: indexing', 0, 'scanning the workspace', false);
    sendStatus();
    if (cacheDir) await publishSaved();
    try {
      await service.initialize(undefined, (done, total) =>
        progress?.report(Math.round((done / Math.max(total, 1)) * 100), `${done}/${total} files`),
      );
    } catch (e) {
      connection.console.error(`Indexing failed: ${(e as Error).stack ?? e}`);
    }
    // Workers are only needed for the scan; edits are parsed here, one file at a time.
    void pool.close();
    log(`Indexed: ${pool.stats.parsed} files parsed, ${pool.stats.reused} reused from the persisted index`);
    progress?.done();
    indexing = false;
    markReady();
    publishNow();
  });

  connection.onDidChangeConfiguration(async () => {
    if (!service) return;
    service.setConfig(await loadConfig());
    schedulePublish();
  });

  /** During the first scan, reads what a document's links name before its problems are published. */
  async function prepareThenPublish(uri: string): Promise<void> {
    try {
      if (indexing) await service?.prepare(uri);
    } catch (e) {
      connection.console.error(`Preparing ${uri} failed: ${(e as Error).stack ?? e}`);
    }
    schedulePublish();
  }

  documents.onDidChangeContent((e) => {
    lastActivity = performance.now();
    const uri = normalizeUri(e.document.uri);
    service?.openDocument(uri, e.document.getText(), e.document.version);
    if (indexing) void prepareThenPublish(uri);
    else schedulePublish();
  });
  documents.onDidClose(async (e) => {
    await service?.closeDocument(normalizeUri(e.document.uri));
    schedulePublish();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    if (!service) return;
    const kinds = {
      [FileChangeType.Created]: 'created',
      [FileChangeType.Changed]: 'changed',
      [FileChangeType.Deleted]: 'deleted',
    } as const;
    const changes: FileChange[] = params.changes.map((c) => ({ uri: normalizeUri(c.uri), kind: kinds[c.type as 1 | 2 | 3] }));
    try {
      await service.filesChanged(changes);
    } catch (e) {
      connection.console.error(`File changes failed: ${(e as Error).stack ?? e}`);
    }
    schedulePublish();
  });

  connection.onHover(
    guard('hover', null, async (p) => {
      await prepared(p.textDocument.uri, p.position);
      await service!.prepareHover(p.textDocument.uri, p.position);
      const h = service!.hover(p.textDocument.uri, p.position);
      return h ? { contents: { kind: 'markdown', value: h.contents }, range: h.range } : null;
    }),
  );
  connection.onCompletion(
    guard('completion', [], async (p) => {
      // Only the files the link at the cursor names are waited for: every target of a note with
      // 2,920 links (obsidian-hub's index of plugins) kept a completion waiting 4.5–5.5 s.
      if (indexing) await service!.prepareCompletion(p.textDocument.uri, p.position);
      const items = service!.completion(p.textDocument.uri, p.position).map(toCompletion);
      // A list cut at the limit is narrowed again by the server as the user types; one made while
      // indexing is asked for again too (titles, aliases and namesakes of notes not read yet).
      return items.length >= service!.completionLimit || indexing ? { isIncomplete: true, items } : items;
    }),
  );
  connection.onDefinition(
    // As a hover: a link waits for the files it names only, not for every target of the note.
    guard(
      'definition',
      [],
      async (p) => (await prepared(p.textDocument.uri, p.position), service!.definition(p.textDocument.uri, p.position)),
    ),
  );
  connection.onReferences(
    guard('references', [], (p) => service!.references(p.textDocument.uri, p.position, p.context.includeDeclaration)),
  );
  connection.onPrepareRename(guard('prepareRename', null, (p) => service!.prepareRename(p.textDocument.uri, p.position) ?? null));
  connection.onRenameRequest(
    guard('rename', null, async (p) => {
      const result = await service!.rename(p.textDocument.uri, p.position, p.newName);
      if (result.renames?.length && !canRenameFiles) {
        throw new NotesError('This editor cannot rename a file as part of a rename: rename the file itself, and the links to it follow.');
      }
      return toRenameEdit(result, editVersions());
    }),
  );
  // A file or folder renamed in the explorer: links to it (and relative links inside it) follow, as one undoable edit.
  connection.onRequest(
    WillRenameFilesRequest.method,
    guard('willRenameFiles', null, async (p: RenameFilesParams) => {
      const edits = (await service!.renameFiles(p.files.map((f) => ({ oldUri: normalizeUri(f.oldUri), newUri: normalizeUri(f.newUri) }))))
        .edits;
      return edits.length > 0 ? toWorkspaceEdit(edits, editVersions()) : null;
    }),
  );
  connection.workspace.onDidRenameFiles(async (p) => {
    if (!service) return;
    try {
      await service.filesRenamed(p.files.map((f) => ({ oldUri: normalizeUri(f.oldUri), newUri: normalizeUri(f.newUri) })));
    } catch (e) {
      connection.console.error(`File renames failed: ${(e as Error).stack ?? e}`);
    }
    schedulePublish();
  });
  connection.onDocumentLinks(
    guard('documentLinks', [], async (p) => (await prepared(p.textDocument.uri), service!.documentLinks(p.textDocument.uri))),
  );
  connection.onDocumentSymbol(guard('documentSymbol', [], (p) => service!.documentSymbols(p.textDocument.uri).map(toDocumentSymbol)));
  connection.onWorkspaceSymbol(guard('workspaceSymbol', [], (p) => service!.workspaceSymbols(p.query).map(toSymbolInformation)));
  connection.onCodeAction(
    guard('codeAction', [], (p) => {
      const codes = p.context.diagnostics.filter((d) => d.source === 'grounded-notes').map((d) => String(d.code));
      const versionOf = editVersions();
      return service!.codeActions(p.textDocument.uri, p.range, codes).map((f) => toCodeAction(f, p.context.diagnostics, versionOf));
    }),
  );
  connection.onCodeLens(
    guard('codeLens', [], (p) =>
      service!.codeLenses(p.textDocument.uri).map((l) => ({
        range: l.range,
        command: { title: l.title, command: 'editor.action.findReferences', arguments: [p.textDocument.uri, l.position] },
      })),
    ),
  );

  connection.onRequest(
    ClientToServer.sources,
    guard('sources', [], () => service!.sources()),
  );
  connection.onRequest(
    ClientToServer.anchors,
    guard('anchors', [], (p) => service!.anchors(p.source)),
  );
  connection.onRequest(
    ClientToServer.proposeAnchor,
    guard('proposeAnchor', null, (p) => service!.proposeAnchor(p.uri, p.range)),
  );
  connection.onRequest(
    ClientToServer.createAnchor,
    guard('createAnchor', null, async (p): Promise<ClientToServer.CreateAnchorResult> => {
      const r = await service!.createAnchor(p.uri, p.range, p.slug);
      // A new anchor file is created first, then written: one undoable workspace edit.
      const version = r.create ? null : (editVersions()?.(r.anchorFileUri) ?? null);
      const edit = {
        documentChanges: [
          ...(r.create ? [{ kind: 'create' as const, uri: r.anchorFileUri, options: { ignoreIfExists: true } }] : []),
          { textDocument: { uri: r.anchorFileUri, version }, edits: r.edits.map((e) => ({ range: e.range, newText: e.newText })) },
        ],
      };
      return { edit, citation: r.citation };
    }),
  );
  connection.onRequest(
    ClientToServer.sourceText,
    guard('sourceText', null, (p) => {
      const text = service!.sourceText(p.uri);
      return text === undefined ? null : { text };
    }),
  );
  connection.onRequest(
    ClientToServer.locateQuote,
    guard('locateQuote', null, (p) => {
      const range = service!.locateQuote(p.uri, String(p.text ?? ''), typeof p.page === 'number' ? p.page : undefined);
      return range ? { range } : null;
    }),
  );
  connection.onRequest(
    ClientToServer.timeline,
    guard('timeline', [], (p) => service!.timeline({ ...(p?.uri ? { uri: p.uri } : {}), ...(p?.note ? { note: p.note } : {}) })),
  );
  connection.onRequest(
    ClientToServer.checkWorkspace,
    guard('checkWorkspace', null, async (): Promise<ClientToServer.CheckWorkspaceResult> => {
      await ready;
      const counts = service!.counts();
      publishNow();
      return counts;
    }),
  );

  documents.listen(connection);
  connection.listen();
}

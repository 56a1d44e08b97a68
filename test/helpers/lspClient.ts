/**
 * A JSON-RPC client that starts the built server (`dist/server.js --stdio`) and talks
 * to it as an editor would. Waiting is always for a specific message, with a
 * time-out that fails with the server's stderr.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerToClient } from '../../shared/protocol.js';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const REPO = join(import.meta.dirname, '../..');

/** Bundles the server if `dist/server.js` is missing. */
export function ensureBuilt(): void {
  if (!existsSync(join(REPO, 'dist/server.js'))) {
    const r = spawnSync(process.execPath, [join(REPO, 'scripts/bundle.mjs')], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('bundling the server failed');
  }
}

/** Copies a folder (e.g. `examples/briefings`) to a fresh temp folder. */
export function tempCopy(folder: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gn-ws-'));
  cpSync(folder, dir, { recursive: true });
  return dir;
}

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Every publishDiagnostics, in the order received. */
  readonly published: PublishDiagnosticsParams[] = [];
  private stderr = '';
  private waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  /** The server's answer to `initialize` (its capabilities). */
  initializeResult: unknown;
  private constructor(
    readonly child: ChildProcess,
    readonly folder: string,
  ) {
    child.stderr!.on('data', (d) => (this.stderr += d));
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
    });
    for (const method of [ServerToClient.status.method, '$/progress', 'window/logMessage']) {
      this.connection.onNotification(method, (params: unknown) => {
        this.notifications.push({ method, params });
      });
    }
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  /**
   * Starts the server on `folder` and completes the initialize handshake; `open` lists
   * documents (relative paths) sent with didOpen right after `initialized`, as an editor
   * restoring its tabs does; `initializationOptions` as the extension sends them (`cacheDir`).
   */
  static async start(folder: string, capabilities: object = {}, open: string[] = [], initializationOptions?: object): Promise<LspClient> {
    ensureBuilt();
    const child = spawn(process.execPath, [join(REPO, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child, folder);
    client.initializeResult = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: client.uri(''),
      workspaceFolders: [{ uri: client.uri(''), name: 'ws' }],
      capabilities: { window: { workDoneProgress: true }, ...capabilities },
      ...(initializationOptions ? { initializationOptions } : {}),
    });
    client.connection.sendNotification('initialized', {});
    for (const rel of open) {
      client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: client.uri(rel), languageId: 'markdown', version: 1, text: readFileSync(join(folder, rel), 'utf8') },
      });
    }
    return client;
  }

  /** The `file://` URI of a path inside the workspace. */
  uri(rel: string): string {
    return pathToFileURL(join(this.folder, rel)).toString().replace(/\/$/, '');
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `test`. */
  waitForDiagnostics(uri: string, test: (d: Diagnostic[]) => boolean = () => true, ms = 15000): Promise<Diagnostic[]> {
    const have = this.diagnostics.get(uri);
    if (have && test(have)) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching diagnostics for ${uri} within ${ms} ms; server log:\n${this.stderr.slice(-2000)}`)),
        ms,
      );
      this.waiters.push({
        test: (p) => p.uri === uri && test(p.diagnostics),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p.diagnostics);
        },
      });
    });
  }

  /**
   * Resolves once the server has said it is ready (its first check done and published):
   * a file with no problems is never published to, so its silence then means none.
   */
  async waitForReady(ms = 15000): Promise<void> {
    const deadline = Date.now() + ms;
    const ready = () =>
      this.notifications.some((n) => n.method === ServerToClient.status.method && (n.params as { state?: string })?.state === 'ready');
    while (!ready()) {
      if (Date.now() > deadline) throw new Error(`the server was not ready within ${ms} ms; server log:\n${this.stderr.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Shuts the server down and removes the temp workspace (unless `keep`: another start follows on it). */
  async stop(keep = false): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    // Exited by itself after `exit` (a warm start's persisted index is written on shutdown), else stopped.
    if (this.child.exitCode === null)
      await Promise.race([new Promise((r) => this.child.once('exit', r)), new Promise((r) => setTimeout(r, 2000))]);
    if (this.child.exitCode === null) this.child.kill();
    if (!keep) rmSync(this.folder, { recursive: true, force: true });
  }
}

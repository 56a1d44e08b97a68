/**
 * Opens a PDF source in a webview with pdf.js's viewer, at a page, with the cited
 * passage highlighted; and reads the viewer's selection for Create Anchor from
 * Selection. One panel per PDF: opening it again goes to the new page.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientToServer } from '../../shared/protocol';
import { pdfViewerHtml } from './pdfViewerHtml';

export const PDF_VIEWER = 'groundedNotes.pdfViewer';

interface Viewer {
  panel: vscode.WebviewPanel;
  uri: string;
  ready: Promise<void>;
  /** Answers to "what is selected?", in order. */
  waiting: ((s: { text: string; page: number }) => void)[];
}

const viewers = new Map<string, Viewer>();
let active: Viewer | undefined;

/** Where to open a PDF: its URI, the 1-based page, and the words to highlight there. */
export interface PdfTarget {
  uri: string;
  page: number;
  quote?: string;
}

/** Opens (or reveals) the viewer of a PDF at a page, highlighting `quote`. */
export async function openPdfAt(context: vscode.ExtensionContext, target: PdfTarget, onCreateAnchor: () => void): Promise<void> {
  const known = viewers.get(target.uri);
  if (known) {
    known.panel.reveal();
    await known.ready;
    void known.panel.webview.postMessage({ type: 'goto', page: target.page, quote: target.quote });
    return;
  }
  const uri = vscode.Uri.parse(target.uri);
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
  const panel = vscode.window.createWebviewPanel(PDF_VIEWER, uri.path.split('/').pop() ?? 'PDF', vscode.ViewColumn.Beside, {
    enableScripts: true,
    localResourceRoots: [dist],
    retainContextWhenHidden: true,
  });
  const nonce = Array.from({ length: 32 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
  panel.webview.html = pdfViewerHtml({
    cspSource: panel.webview.cspSource,
    nonce,
    scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'pdfViewer.js')).toString(),
    styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'pdf_viewer.css')).toString(),
    title: panel.title,
  });
  let markReady!: () => void;
  const viewer: Viewer = { panel, uri: target.uri, ready: new Promise((r) => (markReady = r)), waiting: [] };
  viewers.set(target.uri, viewer);
  active = viewer;
  panel.onDidChangeViewState((e) => {
    if (e.webviewPanel.active) active = viewer;
  });
  panel.onDidDispose(() => {
    viewers.delete(target.uri);
    if (active === viewer) active = undefined;
  });
  panel.webview.onDidReceiveMessage((m: { type: string; text?: string; page?: number; create?: boolean }) => {
    if (m.type === 'ready') markReady();
    if (m.type !== 'selection') return;
    const s = { text: String(m.text ?? ''), page: Number(m.page) || 1 };
    if (m.create) {
      active = viewer;
      pendingButton = s;
      onCreateAnchor();
    } else viewer.waiting.shift()?.(s);
  });
  context.subscriptions.push(panel);
  // The bytes go to the page in a message: the webview reads nothing from the workspace itself.
  const bytes = await vscode.workspace.fs.readFile(uri);
  await viewer.ready;
  // A plain Uint8Array crosses to the webview as binary; a Node Buffer would arrive as an object.
  void panel.webview.postMessage({ type: 'open', data: new Uint8Array(bytes), page: target.page, quote: target.quote });
}

/** A selection the viewer's own button sent with its request. */
let pendingButton: { text: string; page: number } | undefined;

/** True when a PDF viewer is the active editor tab. */
export function pdfViewerActive(): boolean {
  return !!active?.panel.active || pendingButton !== undefined;
}

/**
 * The active viewer's selection as a range of the PDF's extracted text (the server
 * finds the selected words there), or a message why there is none.
 */
export async function pdfViewerSelection(client: LanguageClient): Promise<ClientToServer.ProposeAnchorParams | { problem: string }> {
  const viewer = active;
  if (!viewer) return { problem: 'open a PDF source first.' };
  const fromButton = pendingButton;
  pendingButton = undefined;
  const selected =
    fromButton ??
    (await new Promise<{ text: string; page: number }>((resolve) => {
      viewer.waiting.push(resolve);
      void viewer.panel.webview.postMessage({ type: 'getSelection' });
    }));
  if (!selected.text.trim()) return { problem: 'select the words of the PDF to anchor first.' };
  const found = await client.sendRequest(ClientToServer.locateQuote, { uri: viewer.uri, text: selected.text, page: selected.page });
  if (!found)
    return {
      problem: 'the selected words are not in the text read from this PDF (they may be in a running header, a figure or an image).',
    };
  return { uri: viewer.uri, range: found.range };
}

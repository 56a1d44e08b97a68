/** The commands: Insert Citation, Check Workspace, Create Anchor from Selection, Show Source Timeline. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isCitableAnchorName } from '../../shared/anchorKey';
import { ClientToServer } from '../../shared/protocol';
import { noteEditor } from './lastNote';
import { showTimeline } from './timelineView';
import { openPdfAt, pdfViewerActive, pdfViewerSelection } from './pdfViewer';
import { extractedTextUri, sourceUriOf } from './extractedText';

/** Where Open Source at Passage goes (hover links and the timeline pass it). */
interface OpenArgs {
  uri: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  /** A PDF: the page of the passage, and its words to highlight. */
  page?: number;
  quote?: string;
}

/** Registers every command of the extension. */
export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const register = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  register('groundedNotes.insertCitation', async () => {
    const editor = await noteEditor();
    if (!editor) {
      void vscode.window.showInformationMessage(
        'Grounded Notes: open a note (a Markdown file) and place the cursor where the citation goes.',
      );
      return;
    }
    const sources = await client.sendRequest(ClientToServer.sources, {});
    if (sources.length === 0) {
      void vscode.window.showInformationMessage('Grounded Notes: no sources in this workspace (see groundedNotes.sourceRoots).');
      return;
    }
    const source = await vscode.window.showQuickPick(
      sources.map((s) => ({ label: s.id, description: s.title, detail: s.date, source: s })),
      { title: 'Insert Citation: source', matchOnDescription: true },
    );
    if (!source) return;
    const anchors = await client.sendRequest(ClientToServer.anchors, { source: source.source.id });
    const whole = { label: '(whole source)', description: '', anchor: undefined as string | undefined };
    const anchor = await vscode.window.showQuickPick(
      [whole, ...anchors.map((a) => ({ label: a.anchor, description: a.kind, detail: a.preview, anchor: a.anchor as string | undefined }))],
      { title: `Insert Citation: anchor in ${source.source.id}`, matchOnDetail: true },
    );
    if (!anchor) return;
    const citation = anchor.anchor ? `[[${source.source.id}#${anchor.anchor}]]` : `[[${source.source.id}]]`;
    await editor.edit((b) => b.replace(editor.selection, citation));
  });

  register('groundedNotes.checkWorkspace', async () => {
    const r = await client.sendRequest(ClientToServer.checkWorkspace, {});
    if (!r) return r;
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showInformationMessage(
      `Grounded Notes: ${r.notes} notes, ${r.sources} sources — ${r.errors} errors, ${r.warnings} warnings, ${r.infos} infos.`,
    );
    return r;
  });

  register('groundedNotes.openSourceAt', async (args: OpenArgs) => {
    if (!args || typeof args.uri !== 'string') return;
    const createAnchor = () => void vscode.commands.executeCommand('groundedNotes.createAnchorFromSelection');
    if (/\.pdf$/i.test(args.uri) && typeof args.page === 'number')
      return openPdfAt(
        context,
        { uri: args.uri, page: args.page, ...(typeof args.quote === 'string' ? { quote: args.quote } : {}) },
        createAnchor,
      );
    // A saved web page (or a PDF without a page to go to) opens as the text read from it, where the passage's lines are.
    const target = /\.(pdf|html?|mht|mhtml)$/i.test(args.uri) ? extractedTextUri(args.uri) : vscode.Uri.parse(args.uri);
    const doc = await vscode.workspace.openTextDocument(target);
    const selection = new vscode.Range(args.line, args.character, args.endLine, args.endCharacter);
    await vscode.window.showTextDocument(doc, { selection, preview: true });
  });

  register('groundedNotes.createAnchorFromSelection', async () => {
    // The manifest promises that an untrusted workspace is never written to.
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Grounded Notes writes anchor files only in a trusted workspace.');
      return;
    }
    const editor = vscode.window.activeTextEditor;
    let params: ClientToServer.ProposeAnchorParams;
    if (pdfViewerActive()) {
      // In the PDF viewer: the selected words, found in the PDF's extracted text.
      const found = await pdfViewerSelection(client);
      if ('problem' in found) {
        void vscode.window.showInformationMessage(`Grounded Notes: ${found.problem}`);
        return;
      }
      params = found;
    } else {
      if (!editor || editor.selection.isEmpty) {
        void vscode.window.showInformationMessage('Grounded Notes: select the words of a source to anchor first.');
        return;
      }
      params = { uri: sourceUriOf(editor.document.uri), range: client.code2ProtocolConverter.asRange(editor.selection) };
    }
    try {
      const proposal = await client.sendRequest(ClientToServer.proposeAnchor, params);
      if (!proposal) return;
      const slug = await vscode.window.showInputBox({
        title: `New anchor in source ${proposal.sourceId}`,
        value: proposal.slug,
        validateInput: (v) =>
          !isCitableAnchorName(v)
            ? 'No spaces, #, |, brackets or quotes'
            : proposal.existing.includes(v)
              ? `\`${v}\` already exists in this source`
              : undefined,
      });
      if (!slug) return;
      const result = await client.sendRequest(ClientToServer.createAnchor, { ...params, slug });
      if (!result) return;
      const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
      if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the anchor file could not be edited');
      await vscode.env.clipboard.writeText(result.citation);
      void vscode.window.showInformationMessage(`Grounded Notes: anchor created; ${result.citation} is on the clipboard.`);
    } catch (e) {
      void vscode.window.showErrorMessage(`Grounded Notes: ${(e as Error).message}`);
    }
  });

  register('groundedNotes.showSourceTimeline', async () => {
    try {
      await showTimeline(context, client);
    } catch (e) {
      void vscode.window.showErrorMessage(`Grounded Notes: ${(e as Error).message}`);
    }
  });
}

/** Domain values → LSP values. The only place that knows both. */
import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DocumentSymbol,
  MarkupKind,
  RenameFile,
  SymbolInformation,
  SymbolKind,
  TextDocumentEdit,
  type CompletionItem,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { CompletionItem as CoreCompletion, SymbolItem } from '../core/api.js';
import { ruleDocAnchor } from '../core/rules/registry.js';
import type { FileRename, Fix, Problem, TextEdit } from '../core/types.js';
import { DOCS_URL } from '../core/product.js';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/** A problem as an LSP diagnostic, with a link to its documentation. */
export function toDiagnostic(p: Problem): Diagnostic {
  const d: Diagnostic = {
    range: p.range,
    severity: SEVERITY[p.severity ?? 'warning'],
    code: p.code,
    codeDescription: { href: DOCS_URL + ruleDocAnchor(p.code) },
    source: 'grounded-notes',
    message: p.message,
  };
  if (p.related) d.relatedInformation = p.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  return d;
}

/** The version of an open document as the server last saw it, or null for a file that is not open. */
export type VersionOf = (uri: string) => number | null;

/**
 * Edits grouped into one workspace edit (applied, and undone, as one step). Given
 * `versionOf` (for clients that take `documentChanges`), each file's edits name the
 * version they were computed on, so a client whose document has changed since
 * refuses the edit rather than writing it into the wrong places.
 */
export function toWorkspaceEdit(edits: readonly TextEdit[], versionOf?: VersionOf): WorkspaceEdit {
  const changes: Record<string, { range: TextEdit['range']; newText: string }[]> = {};
  for (const e of edits) (changes[e.uri] ??= []).push({ range: e.range, newText: e.newText });
  if (!versionOf) return { changes };
  return {
    documentChanges: Object.entries(changes).map(([uri, list]) => ({ textDocument: { uri, version: versionOf(uri) }, edits: list })),
  };
}

/**
 * Edits and file renames as one workspace edit: the text edits first (they name the files
 * as they were), then the renames; without renames, the plain form every client reads.
 */
export function toRenameEdit(
  result: { edits: readonly TextEdit[]; renames?: readonly FileRename[] },
  versionOf?: VersionOf,
): WorkspaceEdit {
  if (!result.renames || result.renames.length === 0) return toWorkspaceEdit(result.edits, versionOf);
  const byUri = new Map<string, { range: TextEdit['range']; newText: string }[]>();
  for (const e of result.edits) {
    const list = byUri.get(e.uri) ?? [];
    if (list.length === 0) byUri.set(e.uri, list);
    list.push({ range: e.range, newText: e.newText });
  }
  const texts = [...byUri].map(([uri, edits]) => TextDocumentEdit.create({ uri, version: versionOf?.(uri) ?? null }, edits));
  return { documentChanges: [...texts, ...result.renames.map((r) => RenameFile.create(r.oldUri, r.newUri))] };
}

/** A fix as a quick-fix code action. */
export function toCodeAction(fix: Fix, diagnostics: Diagnostic[], versionOf?: VersionOf): CodeAction {
  const action = CodeAction.create(fix.title, toWorkspaceEdit(fix.edits, versionOf), CodeActionKind.QuickFix);
  if (fix.isPreferred) action.isPreferred = true;
  action.diagnostics = diagnostics.filter((d) => d.source === 'grounded-notes');
  return action;
}

const COMPLETION_KIND = {
  source: CompletionItemKind.File,
  note: CompletionItemKind.Reference,
  file: CompletionItemKind.File,
  block: CompletionItemKind.Reference,
  anchor: CompletionItemKind.Reference,
  heading: CompletionItemKind.Module,
  paragraph: CompletionItemKind.Text,
} as const;

/** A completion item, with its documentation as Markdown. */
export function toCompletion(item: CoreCompletion): CompletionItem {
  const c: CompletionItem = {
    label: item.label,
    kind: COMPLETION_KIND[item.kind],
    sortText: item.sortText,
    textEdit: { range: item.range, newText: item.insertText },
  };
  if (item.detail) c.detail = item.detail;
  if (item.filterText) c.filterText = item.filterText;
  if (item.documentation) c.documentation = { kind: MarkupKind.Markdown, value: item.documentation };
  return c;
}

const SYMBOL_KIND = { heading: SymbolKind.String, anchor: SymbolKind.Key, paragraph: SymbolKind.Field, key: SymbolKind.Key } as const;

/** A document symbol. */
export function toDocumentSymbol(s: SymbolItem): DocumentSymbol {
  return DocumentSymbol.create(s.name, s.detail, SYMBOL_KIND[s.kind], s.range, s.selectionRange, s.children?.map(toDocumentSymbol));
}

/** A workspace symbol. */
export function toSymbolInformation(s: SymbolItem): SymbolInformation {
  return SymbolInformation.create(s.name, SYMBOL_KIND[s.kind], s.range, s.uri, s.detail);
}

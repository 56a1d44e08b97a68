/** What a workspace scan reads: the listing, shared by the service and by callers that check a saved result first. */
import type { CancellationToken } from './api.js';
import type { DocKind } from './parse/document.js';
import type { DocUri } from './types.js';
import type { Workspace } from './workspace.js';

/** A file the scan indexes, and what it is to the workspace. */
export interface ScannedFile {
  uri: DocUri;
  kind: DocKind;
}

const EXTENSIONS = ['.md', '.txt', '.yaml'];

/**
 * Every file a scan indexes, as `classify` sees it, sources and anchor files first
 * (notes resolve against them); undefined when cancelled.
 */
export async function scanFiles(workspace: Workspace, classify: (uri: DocUri) => DocKind | undefined, token?: CancellationToken): Promise<ScannedFile[] | undefined> {
  const files: ScannedFile[] = [];
  for (const folder of workspace.folders) {
    for (const uri of await workspace.listFiles(folder, EXTENSIONS)) {
      const kind = classify(uri);
      if (kind) files.push({ uri, kind });
    }
    if (token?.isCancellationRequested) return undefined;
  }
  files.sort((a, b) => (a.kind === 'note' ? 1 : 0) - (b.kind === 'note' ? 1 : 0));
  return files;
}

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

/** The scan's listing: the files it reads, and the other files links may name (attachments), sorted. */
export interface Listing {
  files: ScannedFile[];
  others: DocUri[];
}

/** What the scan asks of the index about a listed file. */
export interface ListingJudge {
  inWorkspace(uri: DocUri): boolean;
  classify(uri: DocUri): DocKind | undefined;
}

/** Every file is listed: notes, sources and anchor files are read, the rest are attachments links may name. */
const ALL_FILES: readonly string[] = [];

/**
 * Every file of the workspace as `judge` sees it, the ones to read with sources and
 * anchor files first (notes resolve against them); `seen` is told of each listed
 * file before anything is read. Undefined when cancelled.
 */
export async function scanFiles(
  workspace: Workspace,
  judge: ListingJudge,
  token?: CancellationToken,
  seen?: (uri: DocUri) => void,
): Promise<Listing | undefined> {
  const files: ScannedFile[] = [];
  const others: DocUri[] = [];
  for (const folder of workspace.folders) {
    for (const uri of await workspace.listFiles(folder, ALL_FILES)) {
      // A file classified lies in the workspace; only the others are asked again.
      const kind = judge.classify(uri);
      if (!kind && !judge.inWorkspace(uri)) continue;
      seen?.(uri);
      if (kind) files.push({ uri, kind });
      else others.push(uri);
    }
    if (token?.isCancellationRequested) return undefined;
  }
  files.sort((a, b) => (a.kind === 'note' ? 1 : 0) - (b.kind === 'note' ? 1 : 0));
  others.sort();
  return { files, others };
}

/** What `grounded-notes check` computes, apart from printing it. */
import type { NotesConfig } from '../core/config.js';
import { createNotesService, resultKey } from '../core/index.js';
import type { Problem } from '../core/types.js';
import type { Extractor } from '../node/extract/extractor.js';
import type { FileExtractedCache } from '../node/extract/extractedCache.js';
import type { NodeWorkspace } from '../node/nodeWorkspace.js';
import type { ParsePool } from '../node/parsePool.js';
import { checkAlongside } from '../node/suggestAlongside.js';
import type { PageLocator } from './format.js';

export interface CheckResult {
  problems: Map<string, Problem[]>;
  notes: number;
  sources: number;
  /** True when this is the persisted index's saved result (nothing was checked). */
  saved: boolean;
  /** Where a problem in a PDF lies (page and line on it). */
  pageOf?: PageLocator;
}

/** What reads the workspace's files: parses (and the persisted index), PDFs and web pages. */
export interface Readers {
  pool: ParsePool;
  extractor: Extractor;
  extracted: FileExtractedCache | undefined;
  /** The did-you-mean worker's script; without it every name is found on the main thread. */
  suggestWorker?: string;
  log?: (message: string) => void;
}

/**
 * Checks a folder: with a persisted index, its saved result when no file changed
 * since the check that saved it (nothing is read or parsed); otherwise a check that
 * reuses what the index still knows, saved for the next run. Closes the readers.
 */
export async function checkFolder(
  workspace: NodeWorkspace,
  config: NotesConfig,
  readers: Readers,
  persisted: boolean,
): Promise<CheckResult> {
  try {
    return (
      (persisted ? await savedResult(workspace, config, readers.pool) : undefined) ??
      (await freshResult(workspace, config, readers, persisted))
    );
  } finally {
    await readers.pool.close();
    await readers.extractor.close();
  }
}

async function savedResult(workspace: NodeWorkspace, config: NotesConfig, pool: ParsePool): Promise<CheckResult | undefined> {
  const key = await resultKey(workspace, config);
  if (!key) return undefined;
  // The command line prints no fixes or related places: they are not even read.
  const saved = pool.savedResult(key.listing, key.conventions, false);
  return saved && { ...saved, saved: true };
}

async function freshResult(
  workspace: NodeWorkspace,
  config: NotesConfig,
  { pool, extractor, extracted, suggestWorker, log }: Readers,
  persisted: boolean,
): Promise<CheckResult> {
  // The command line prints no quick fixes; with a persisted index they are kept with the saved problems.
  const service = createNotesService({ workspace, config, parser: pool, quickFixes: persisted });
  try {
    try {
      await service.initialize();
    } finally {
      await pool.close();
      await extractor.close();
    }
    // The file reader stays while the notes are checked: it answers questions of the texts it read (`onNoteFacts`).
    await checkAlongside(service, { ...(suggestWorker ? { workerScript: suggestWorker } : {}), ...(log ? { log } : {}) });
  } finally {
    await workspace.close();
  }
  service.saveProblems();
  pool.persist();
  extracted?.persist();
  const pageOf: PageLocator = (uri, range) => service.pageOf(uri, range.start);
  const { notes, sources } = service.counts();
  return { problems: service.allProblems(), notes, sources, saved: false, pageOf };
}

/** What `grounded-notes check` computes, apart from printing it. */
import type { NotesConfig } from '../core/config.js';
import { createNotesService } from '../core/index.js';
import { scanFiles } from '../core/scan.js';
import type { Problem } from '../core/types.js';
import { WorkspaceIndex } from '../core/workspaceIndex.js';
import type { NodeWorkspace } from '../node/nodeWorkspace.js';
import type { ParsePool } from '../node/parsePool.js';

export interface CheckResult {
  problems: Map<string, Problem[]>;
  notes: number;
  sources: number;
  /** True when this is the persisted index's saved result (nothing was checked). */
  saved: boolean;
}

/**
 * Checks a folder: with a persisted index, its saved result when no file changed
 * since the check that saved it (nothing is read or parsed); otherwise a check that
 * reuses what the index still knows, saved for the next run.
 */
export async function checkFolder(workspace: NodeWorkspace, config: NotesConfig, pool: ParsePool, persisted: boolean): Promise<CheckResult> {
  return (persisted ? await savedResult(workspace, config, pool) : undefined) ?? (await freshResult(workspace, config, pool));
}

async function savedResult(workspace: NodeWorkspace, config: NotesConfig, pool: ParsePool): Promise<CheckResult | undefined> {
  const classifier = new WorkspaceIndex(config, workspace.folders);
  const files = await scanFiles(workspace, (uri) => classifier.classify(uri));
  // The command line prints no fixes or related places: they are not even read.
  const saved = files && pool.savedResult(files, false);
  return saved && { ...saved, saved: true };
}

async function freshResult(workspace: NodeWorkspace, config: NotesConfig, pool: ParsePool): Promise<CheckResult> {
  const service = createNotesService({ workspace, config, parser: pool });
  try {
    await service.initialize();
  } finally {
    await pool.close();
  }
  service.saveProblems();
  pool.persist();
  return { problems: service.allProblems(), notes: [...service.view.notes()].length, sources: [...service.view.sources()].length, saved: false };
}

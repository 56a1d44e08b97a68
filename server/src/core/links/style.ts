/**
 * The link conventions of a workspace: Obsidian (`.obsidian/`), Foam (`.foam/` or
 * Foam in `.vscode/`), Dendron (`dendron.yml`, which also lists the vaults, or a vault's own
 * `root.schema.yml`), or —
 * with no marker — the superset that is right for Obsidian and Foam alike. The
 * setting `groundedNotes.linkStyle` overrides what is detected.
 */
import { parse as parseYaml } from 'yaml';
import type { DocUri } from '../types.js';
import { joinUri, type Workspace } from '../workspace.js';

/**
 * `markdown`: plain Markdown (VS Code, GitHub, GitBook), where only Markdown links are
 * links. `logseq`: Logseq graphs, where linking a page creates it, so a `[[page]]`
 * without a file is never broken.
 */
export type LinkStyle = 'auto' | 'obsidian' | 'foam' | 'dendron' | 'logseq' | 'markdown';

/** A Dendron vault: its name (for `dendron://name/…`) and its folder. */
export interface DendronVault {
  name: string;
  folder: DocUri;
}

/** What the workspace's links follow. */
export interface Conventions {
  style: LinkStyle;
  /** What the marker files say, before the setting. */
  detected: LinkStyle;
  /** Dendron's vaults, from `dendron.yml`. */
  vaults: DendronVault[];
}

export const noConventions: Conventions = { style: 'auto', detected: 'auto', vaults: [] };

/** The vaults `dendron.yml` lists (`workspace.vaults` or, in old files, `vaults`), relative to `folder`. */
export function dendronVaults(yamlText: string, folder: DocUri): DendronVault[] {
  let data: unknown;
  try {
    data = parseYaml(yamlText, { maxAliasCount: 10 });
  } catch {
    return [];
  }
  const root = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const ws = (root.workspace && typeof root.workspace === 'object' ? root.workspace : {}) as Record<string, unknown>;
  const list = Array.isArray(ws.vaults) ? ws.vaults : Array.isArray(root.vaults) ? root.vaults : [];
  const out: DendronVault[] = [];
  for (const v of list) {
    if (!v || typeof v !== 'object') continue;
    const fsPath = (v as Record<string, unknown>).fsPath;
    if (typeof fsPath !== 'string' || fsPath.includes('..')) continue;
    const name = (v as Record<string, unknown>).name;
    out.push({ name: typeof name === 'string' ? name : fsPath.split('/').pop()!, folder: joinUri(folder, fsPath) });
  }
  return out;
}

/** Finds the conventions of the workspace folders from their marker files. */
export async function detectConventions(workspace: Workspace, setting: LinkStyle = 'auto'): Promise<Conventions> {
  const vaults: DendronVault[] = [];
  let detected: LinkStyle = 'auto';
  for (const folder of workspace.folders) {
    const dendron = await workspace.readFile(joinUri(folder, 'dendron.yml')).catch(() => undefined);
    if (dendron !== undefined) {
      detected = 'dendron';
      vaults.push(...dendronVaults(dendron, folder));
      continue;
    }
    if (detected !== 'auto') continue;
    if (await workspace.exists(joinUri(folder, '.obsidian'))) detected = 'obsidian';
    else if (await workspace.exists(joinUri(folder, 'logseq/config.edn'))) detected = 'logseq';
    else if (await workspace.exists(joinUri(folder, '.foam'))) detected = 'foam';
    else {
      const settings = await workspace.readFile(joinUri(folder, '.vscode/extensions.json')).catch(() => undefined);
      if (settings?.includes('foam.foam-vscode')) detected = 'foam';
      // A Dendron vault committed without its workspace's `dendron.yml` still has its root schema.
      else if (await workspace.exists(joinUri(folder, 'root.schema.yml'))) {
        detected = 'dendron';
        vaults.push({ name: folder.slice(folder.lastIndexOf('/') + 1), folder });
      }
    }
  }
  return { style: setting === 'auto' ? detected : setting, detected, vaults };
}

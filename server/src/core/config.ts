/** The `groundedNotes.*` settings, with their defaults. */
import type { SeveritySetting } from './types.js';
import type { LinkStyle } from './links/style.js';
import { extended } from './extended.js';

export interface NotesConfig {
  /** Folders (relative to each workspace folder) that hold sources. */
  sourceRoots: string[];
  /** Severity per diagnostic code; `off` turns a check off. */
  diagnostics: Record<string, SeveritySetting>;
  /** Notes and sources larger than this (bytes) are skipped with one information diagnostic. */
  maxFileSize: number;
  /** Folders (relative to each workspace folder) never scanned for notes. */
  exclude: string[];
  /** Whose link rules apply: detected from marker files (`auto`), or Obsidian's, Foam's, Dendron's. */
  linkStyle: LinkStyle;
}

export const defaultConfig: NotesConfig = {
  sourceRoots: ['sources'],
  diagnostics: {},
  maxFileSize: 5 * 1024 * 1024,
  exclude: ['node_modules', '.git'],
  linkStyle: 'auto',
};

const linkStyles = new Set(['auto', 'obsidian', 'foam', 'dendron', 'logseq', 'markdown']);

const severities = new Set(['error', 'warning', 'information', 'hint', 'off']);

/**
 * Reads settings from an untrusted object (`.vscode/settings.json`, the client's
 * configuration): keeps what has the right shape, reports the rest.
 */
export function readConfig(raw: unknown): { config: NotesConfig; errors: string[] } {
  const errors: string[] = [];
  const config: NotesConfig = extended(defaultConfig, { diagnostics: {} });
  if (raw === undefined || raw === null) return { config, errors };
  if (typeof raw !== 'object') return { config, errors: ['groundedNotes settings must be an object'] };
  const r = raw as Record<string, unknown>;
  if (r.sourceRoots !== undefined) {
    if (Array.isArray(r.sourceRoots) && r.sourceRoots.every((s) => typeof s === 'string')) {
      config.sourceRoots = r.sourceRoots as string[];
    } else errors.push('groundedNotes.sourceRoots must be a list of folder names');
  }
  if (r.diagnostics !== undefined) {
    if (typeof r.diagnostics === 'object' && r.diagnostics && !Array.isArray(r.diagnostics)) {
      for (const [code, level] of Object.entries(r.diagnostics)) {
        if (typeof level === 'string' && severities.has(level)) config.diagnostics[code.toUpperCase()] = level as SeveritySetting;
        else errors.push(`groundedNotes.diagnostics.${code} must be one of error, warning, information, hint, off`);
      }
    } else errors.push('groundedNotes.diagnostics must be an object such as {"GN020": "off"}');
  }
  if (r.maxFileSize !== undefined) {
    if (typeof r.maxFileSize === 'number' && r.maxFileSize > 0) config.maxFileSize = r.maxFileSize;
    else errors.push('groundedNotes.maxFileSize must be a positive number of bytes');
  }
  if (r.exclude !== undefined) {
    if (Array.isArray(r.exclude) && r.exclude.every((s) => typeof s === 'string')) config.exclude = r.exclude as string[];
    else errors.push('groundedNotes.exclude must be a list of folder names');
  }
  if (r.linkStyle !== undefined) {
    if (typeof r.linkStyle === 'string' && linkStyles.has(r.linkStyle)) config.linkStyle = r.linkStyle as LinkStyle;
    else errors.push('groundedNotes.linkStyle must be one of auto, obsidian, foam, dendron, logseq, markdown');
  }
  return { config, errors };
}

/** Reads the `groundedNotes.*` keys out of a flat VS Code settings object. */
export function fromSettingsJson(settings: Record<string, unknown>): { config: NotesConfig; errors: string[] } {
  const nested: Record<string, unknown> = {};
  const inner = settings['groundedNotes'];
  if (inner && typeof inner === 'object') Object.assign(nested, inner);
  for (const [key, value] of Object.entries(settings)) {
    if (key.startsWith('groundedNotes.')) nested[key.slice('groundedNotes.'.length)] = value;
  }
  return readConfig(nested);
}

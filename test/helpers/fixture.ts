/**
 * Test fixtures as the situation reads: one string holding a small workspace, files
 * separated by `//- path` headers, an optional `$0` cursor marker.
 */
import { createNotesService, MemoryWorkspace } from '../../server/src/core/index.js';
import type { NotesService } from '../../server/src/core/api.js';
import type { NotesConfig } from '../../server/src/core/config.js';
import { defaultConfig } from '../../server/src/core/config.js';
import type { Position, Problem, Range } from '../../server/src/core/types.js';
import { LineIndex } from '../../server/src/core/text.js';
import { isExtractedFormat } from '../../server/src/core/formats.js';
import { extractedFixture } from './extracted.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = 'memory:///ws';

export interface Fixture {
  workspace: MemoryWorkspace;
  service: NotesService;
  /** URI of the file that held `$0`, and the cursor there. */
  cursor?: { uri: string; position: Position };
}

/** Splits a fixture string into files: `//- notes/a.md` starts a file. */
export function parseFixture(text: string): { files: Record<string, string>; cursor?: { path: string; offset: number } } {
  const files: Record<string, string> = {};
  let cursor: { path: string; offset: number } | undefined;
  const parts = text.split(/^\/\/- (.+)\n/m);
  for (let i = 1; i < parts.length; i += 2) {
    const path = parts[i]!.trim();
    let body = parts[i + 1] ?? '';
    const at = body.indexOf('$0');
    if (at >= 0) {
      cursor = { path, offset: at };
      body = body.slice(0, at) + body.slice(at + 2);
    }
    files[path] = body;
  }
  return cursor ? { files, cursor } : { files };
}

/** Builds and indexes a workspace from a fixture string. */
export async function fixture(text: string, config: Partial<NotesConfig> = {}): Promise<Fixture> {
  const { files, cursor } = parseFixture(text);
  return fromFiles(files, config, cursor);
}

/** Builds and indexes a workspace from a map of files. */
export async function fromFiles(
  files: Record<string, string>,
  config: Partial<NotesConfig> = {},
  cursor?: { path: string; offset: number },
): Promise<Fixture> {
  // PDFs and web pages are given as their extracted form (test/helpers/extracted.ts).
  const extracted = Object.keys(files).filter((p) => isExtractedFormat(p) && !p.includes('.anchors.'));
  const workspace = new MemoryWorkspace([ROOT], Object.fromEntries(Object.entries(files).filter(([p]) => !extracted.includes(p))));
  for (const p of extracted) workspace.setExtracted(p, extractedFixture(p, files[p]!));
  const service = createNotesService({ workspace, config: { ...defaultConfig, ...config } });
  await service.initialize();
  const f: Fixture = { workspace, service };
  if (cursor) {
    const uri = `${ROOT}/${cursor.path}`;
    f.cursor = { uri, position: new LineIndex(files[cursor.path]!).positionAt(cursor.offset) };
  }
  return f;
}

/** The example workspace `examples/briefings` read from disk into memory. */
export function exampleFiles(): Record<string, string> {
  const base = join(import.meta.dirname, '../../examples/briefings');
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(base, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(base, path)).isDirectory()) walk(path);
      // PDFs and saved pages are read by the extractor (test/helpers/extract.ts), not as text.
      else if (!isExtractedFormat(path)) out[path] = readFileSync(join(base, path), 'utf8');
    }
  };
  walk('');
  return out;
}

/** A range as `line:col-line:col`, 1-based (as editors and the CLI show it). */
export function rangeText(r: Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/** Problems as `path:line:col code message` lines (1-based), sorted: what the CLI shows. */
export function render(problems: Map<string, Problem[]>): string[] {
  const out: string[] = [];
  for (const [uri, list] of problems) {
    for (const p of list) out.push(`${uri.slice(ROOT.length + 1)}:${rangeText(p.range)} ${p.severity} ${p.code} ${p.message}`);
  }
  return out.sort();
}

/** Problems of one file as `line:col-line:col code message` lines. */
export function problemsOf(f: Fixture, path: string, codes?: string[]): string[] {
  const list = f.service.allProblems().get(`${ROOT}/${path}`) ?? [];
  return list.filter((p) => !codes || codes.includes(p.code)).map((p) => `${rangeText(p.range)} ${p.code} ${p.message}`);
}

/** Every problem as `file.md CODE message`, by file name (files in URI order): what two checks are compared by. */
export function problemLines(problems: Map<string, Problem[]>): string[] {
  return [...problems]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([uri, list]) => list.map((p) => `${decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1))} ${p.code} ${p.message}`));
}

/**
 * Extracted text remembered by content hash, beside the persisted index (in the
 * directory the editor or `--cache-dir` names, never among the user's files): a
 * restart does not read an unchanged PDF again. Its own small file, so the parse
 * cache and this one change independently.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Extraction } from './extractor.js';
import { EXTRACTOR_VERSION } from './extractor.js';

/** What the extractor asks of a cache. */
export interface ExtractedCache {
  get(key: string): Extraction | undefined;
  set(key: string, value: Extraction): void;
}

/** A cache in one file; `persist` writes what this run used, so it never keeps files that are gone. */
export class FileExtractedCache implements ExtractedCache {
  private readonly file: string;
  private readonly stored = new Map<string, Extraction>();
  private readonly used = new Map<string, Extraction>();
  private changed = false;
  /** How long reading the cache file took (for the benchmark). */
  readonly loadMs: number = 0;

  constructor(
    dir: string,
    private readonly log: (message: string) => void = () => {},
  ) {
    this.file = join(dir, `extracted-v${EXTRACTOR_VERSION}.bin`);
    if (!existsSync(this.file)) return;
    const started = performance.now();
    try {
      const data = deserialize(readFileSync(this.file)) as unknown;
      if (data instanceof Map)
        for (const [k, v] of data) if (typeof k === 'string' && v && typeof v === 'object') this.stored.set(k, v as Extraction);
    } catch (e) {
      log(`Ignored the extracted-text cache ${this.file}: ${(e as Error).message}`);
    }
    this.loadMs = performance.now() - started;
  }

  get(key: string): Extraction | undefined {
    const value = this.used.get(key) ?? this.stored.get(key);
    if (value) this.used.set(key, value);
    return value;
  }

  set(key: string, value: Extraction): void {
    this.used.set(key, value);
    this.changed = true;
  }

  /** Writes the extractions used by this run, when any is new or one was dropped. */
  persist(): void {
    if (!this.changed && this.used.size === this.stored.size) return;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, serialize(this.used));
      renameSync(tmp, this.file);
      this.changed = false;
    } catch (e) {
      this.log(`Could not write the extracted-text cache ${this.file}: ${(e as Error).message}`);
    }
  }
}

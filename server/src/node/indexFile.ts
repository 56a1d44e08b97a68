/**
 * The persisted index's file format: a checksummed header naming checksummed
 * sections, so that a truncated, flipped or edited file is dropped as a whole
 * instead of being half believed.
 *
 *   bytes 0–7    magic `GNINDEX2`
 *   bytes 8–11   header length H (uint32, little-endian)
 *   bytes 12–43  SHA-256 of the header
 *   44 … 44+H    header: UTF-8 JSON { key, writtenAt, sections: { name: { at, length, sha256 } } }
 *   44+H …       the sections' bytes (`at` counts from here)
 *
 * `key` digests everything that can change a result besides the files themselves
 * (the tool's build, the parser version, the rule set, the settings, the runtime's
 * Unicode data); a file written under another key is never read further.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync, writevSync } from 'node:fs';

const MAGIC = Buffer.from('GNINDEX2', 'latin1');
const FIXED = MAGIC.length + 4 + 32;

export interface SectionRef {
  at: number;
  length: number;
  sha256: string;
}

interface Header {
  key: string;
  writtenAt: number;
  sections: Record<string, SectionRef>;
}

function sha256(bytes: Uint8Array | readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const b of bytes instanceof Uint8Array ? [bytes] : bytes) hash.update(b);
  return hash.digest('hex');
}

/** A section's bytes: one buffer, or several laid end to end (a parse per file: never copied into one). */
export type SectionBytes = Uint8Array | readonly Uint8Array[];

function lengthOf(bytes: SectionBytes): number {
  if (bytes instanceof Uint8Array) return bytes.length;
  let n = 0;
  for (const b of bytes) n += b.length;
  return n;
}

/** The file's bytes for sections under a key, as the buffers to write one after the other. */
function indexChunks(key: string, writtenAt: number, sections: Record<string, SectionBytes>): Uint8Array[] {
  const refs: Record<string, SectionRef> = {};
  let at = 0;
  for (const [name, bytes] of Object.entries(sections)) {
    const length = lengthOf(bytes);
    refs[name] = { at, length, sha256: sha256(bytes) };
    at += length;
  }
  const header = Buffer.from(JSON.stringify({ key, writtenAt, sections: refs } satisfies Header), 'utf8');
  const fixed = Buffer.alloc(FIXED);
  MAGIC.copy(fixed, 0);
  fixed.writeUInt32LE(header.length, MAGIC.length);
  Buffer.from(sha256(header), 'hex').copy(fixed, MAGIC.length + 4);
  return [fixed, header, ...Object.values(sections).flatMap((b) => (b instanceof Uint8Array ? [b] : b))];
}

/** The file's bytes for sections under a key. */
export function encodeIndexFile(key: string, writtenAt: number, sections: Record<string, SectionBytes>): Buffer {
  return Buffer.concat(indexChunks(key, writtenAt, sections));
}

/** Buffers handed to the system per write (its limit is 1,024). */
const BUFFERS_PER_WRITE = 1024;

/**
 * Writes the file for sections under a key to `path` (created or replaced), a section
 * of many buffers without copying them into one: on a 10,000-note vault, copying the
 * 25 MB of parses into one buffer, then the file into another, took a tenth of the write.
 */
export function writeIndexFile(path: string, key: string, writtenAt: number, sections: Record<string, SectionBytes>): void {
  const chunks = indexChunks(key, writtenAt, sections);
  const fd = openSync(path, 'w');
  try {
    for (let i = 0; i < chunks.length; i += BUFFERS_PER_WRITE) {
      const group = chunks.slice(i, i + BUFFERS_PER_WRITE);
      let left = lengthOf(group);
      let written = writevSync(fd, group);
      // A short write (a signal, a full disk that recovers): the rest, one buffer at a time.
      if (written < left) {
        const rest = Buffer.concat(group).subarray(written);
        left = rest.length;
        written = 0;
        while (written < left) written += writeSync(fd, rest, written, left - written);
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Bytes read by offset: a whole file in memory, or an open file read where asked. */
interface ByteSource {
  readonly size: number;
  read(at: number, length: number): Buffer;
  close(): void;
}

function inMemory(bytes: Buffer): ByteSource {
  return { size: bytes.length, read: (at, length) => bytes.subarray(at, at + length), close: () => {} };
}

function onDisk(path: string): ByteSource {
  const fd = openSync(path, 'r');
  let open = true;
  try {
    const size = fstatSync(fd).size;
    return {
      size,
      read(at, length) {
        const buf = Buffer.allocUnsafe(length);
        let done = 0;
        while (done < length) {
          const n = readSync(fd, buf, done, length - done, at + done);
          if (n === 0) throw new Error('the file ended early');
          done += n;
        }
        return buf;
      },
      close() {
        if (open) closeSync(fd);
        open = false;
      },
    };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/**
 * A read index file: its key, when it was written, and its sections, each checked
 * before it is handed out. Opened from a path, a section is read only when first
 * asked for (a check that reuses its saved problems reads a fifth of the file).
 */
export class IndexFile {
  private readonly read = new Map<string, Buffer>();

  private constructor(
    private readonly source: ByteSource,
    private readonly body: number,
    readonly key: string,
    readonly writtenAt: number,
    private readonly sections: Record<string, SectionRef>,
  ) {}

  /** Reads the header; throws with the reason when the bytes are not a whole index file. */
  static open(bytes: Buffer): IndexFile {
    return IndexFile.from(inMemory(bytes));
  }

  /** Opens the index file at `path` and reads its header; throws when there is none or it is not a whole index file. */
  static openFile(path: string): IndexFile {
    const source = onDisk(path);
    try {
      return IndexFile.from(source);
    } catch (e) {
      source.close();
      throw e;
    }
  }

  private static from(source: ByteSource): IndexFile {
    if (source.size < FIXED || !source.read(0, MAGIC.length).equals(MAGIC)) throw new Error('not an index file of this format');
    const fixed = source.read(0, FIXED);
    const length = fixed.readUInt32LE(MAGIC.length);
    if (FIXED + length > source.size) throw new Error('truncated header');
    const header = source.read(FIXED, length);
    if (sha256(header) !== fixed.subarray(MAGIC.length + 4, FIXED).toString('hex')) throw new Error('header checksum mismatch');
    const parsed = JSON.parse(header.toString('utf8')) as Partial<Header>;
    if (
      typeof parsed.key !== 'string' ||
      typeof parsed.writtenAt !== 'number' ||
      typeof parsed.sections !== 'object' ||
      parsed.sections === null
    )
      throw new Error('malformed header');
    const body = FIXED + length;
    for (const ref of Object.values(parsed.sections)) {
      if (
        !Number.isSafeInteger(ref.at) ||
        !Number.isSafeInteger(ref.length) ||
        ref.at < 0 ||
        ref.length < 0 ||
        body + ref.at + ref.length > source.size
      )
        throw new Error('truncated section');
    }
    return new IndexFile(source, body, parsed.key, parsed.writtenAt, parsed.sections);
  }

  /** A section's bytes after checking its checksum (once); throws on a mismatch, undefined when absent. */
  section(name: string): Buffer | undefined {
    const ref = Object.hasOwn(this.sections, name) ? this.sections[name] : undefined;
    if (!ref) return undefined;
    let bytes = this.read.get(name);
    if (!bytes) {
      bytes = this.source.read(this.body + ref.at, ref.length);
      if (sha256(bytes) !== ref.sha256) throw new Error(`checksum mismatch in section ${name}`);
      this.read.set(name, bytes);
    }
    return bytes;
  }

  /**
   * Reads every section not read yet and closes the file, before it is replaced or
   * removed (an open file cannot be on every system). A section that fails its check
   * stays unread: asking for it later throws.
   */
  release(): void {
    for (const name of Object.keys(this.sections)) {
      try {
        this.section(name);
      } catch {
        // Reported when it is asked for.
      }
    }
    this.close();
  }

  /** Closes the file; sections not read by then cannot be. */
  close(): void {
    this.source.close();
  }
}

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

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The file's bytes for sections under a key. */
export function encodeIndexFile(key: string, writtenAt: number, sections: Record<string, Uint8Array>): Buffer {
  const refs: Record<string, SectionRef> = {};
  let at = 0;
  for (const [name, bytes] of Object.entries(sections)) {
    refs[name] = { at, length: bytes.length, sha256: sha256(bytes) };
    at += bytes.length;
  }
  const header = Buffer.from(JSON.stringify({ key, writtenAt, sections: refs } satisfies Header), 'utf8');
  const fixed = Buffer.alloc(FIXED);
  MAGIC.copy(fixed, 0);
  fixed.writeUInt32LE(header.length, MAGIC.length);
  Buffer.from(sha256(header), 'hex').copy(fixed, MAGIC.length + 4);
  return Buffer.concat([fixed, header, ...Object.values(sections)]);
}

/** A read index file: its key, when it was written, and its sections, each checked before it is handed out. */
export class IndexFile {
  private readonly verified = new Set<string>();

  private constructor(
    private readonly bytes: Buffer,
    private readonly body: number,
    readonly key: string,
    readonly writtenAt: number,
    private readonly sections: Record<string, SectionRef>,
  ) {}

  /** Reads the header; throws with the reason when the file is not a whole index file. */
  static open(bytes: Buffer): IndexFile {
    if (bytes.length < FIXED || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not an index file of this format');
    const length = bytes.readUInt32LE(MAGIC.length);
    if (FIXED + length > bytes.length) throw new Error('truncated header');
    const header = bytes.subarray(FIXED, FIXED + length);
    if (sha256(header) !== bytes.subarray(MAGIC.length + 4, FIXED).toString('hex')) throw new Error('header checksum mismatch');
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
        body + ref.at + ref.length > bytes.length
      )
        throw new Error('truncated section');
    }
    return new IndexFile(bytes, body, parsed.key, parsed.writtenAt, parsed.sections);
  }

  /** A section's bytes after checking its checksum (once); throws on a mismatch, undefined when absent. */
  section(name: string): Buffer | undefined {
    const ref = Object.hasOwn(this.sections, name) ? this.sections[name] : undefined;
    if (!ref) return undefined;
    const bytes = this.bytes.subarray(this.body + ref.at, this.body + ref.at + ref.length);
    if (!this.verified.has(name)) {
      if (sha256(bytes) !== ref.sha256) throw new Error(`checksum mismatch in section ${name}`);
      this.verified.add(name);
    }
    return bytes;
  }
}

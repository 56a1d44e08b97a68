/** The entries of a zip file (a .vsix), read from its central directory: enough to check what a package holds. */
import { readFileSync } from 'node:fs';

export interface ZipEntry {
  name: string;
  size: number;
  compressedSize: number;
}

/** Every entry of the zip at `path`, in the order stored. */
export function zipEntries(path: string): ZipEntry[] {
  const data = readFileSync(path);
  // The end-of-central-directory record is the last 22 bytes plus a comment of up to 64 KB.
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error(`${path} is not a zip file`);
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: broken central directory`);
    const nameLength = data.readUInt16LE(at + 28);
    entries.push({
      name: data.toString('utf8', at + 46, at + 46 + nameLength),
      compressedSize: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
    });
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return entries;
}

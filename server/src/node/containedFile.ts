/**
 * Reading one file the way every file of a workspace is read: only when its real path
 * (links followed) lies inside the workspace folder, only a regular file (never a
 * device, a FIFO or `/dev/stdin`, which would block or never end), and only up to a
 * size. The checks are made on the opened file itself, so a file swapped between the
 * check and the read cannot slip through.
 */
import { constants, promises as fs } from 'node:fs';
import { sep } from 'node:path';

export type ContainedRead = { bytes: Buffer } | { missing: true } | { refused: string };

function inside(real: string, folder: string): boolean {
  return real === folder || real.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** The bytes of `path`, or that it does not exist, or why it is not read (never its content). */
export async function readContained(path: string, folder: string, maxBytes: number): Promise<ContainedRead> {
  let real: string;
  let realFolder: string;
  try {
    realFolder = await fs.realpath(folder);
    real = await fs.realpath(path);
  } catch {
    // A link whose target is gone (or is a pipe, as /dev/stdin may be) is not "no file".
    const present = await fs.lstat(path).then(
      () => true,
      () => false,
    );
    return present ? { refused: 'it cannot be resolved (a broken or looping link)' } : { missing: true };
  }
  if (!inside(real, realFolder)) return { refused: 'it resolves outside the workspace folder' };
  let handle: fs.FileHandle;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
    handle = await fs.open(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { refused: `it cannot be opened (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { refused: 'it is not a regular file' };
    if (st.size > maxBytes) return { refused: `it is ${st.size} bytes, over the limit of ${maxBytes}` };
    // Read one byte more than allowed: a file that grows after the check is still caught.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return { refused: `it is over the limit of ${maxBytes} bytes` };
    }
    return { bytes: buffer.subarray(0, length) };
  } catch (e) {
    return { refused: `it cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    await handle.close();
  }
}

/** File sizes against `groundedNotes.maxFileSize`: one rule for files read from disk and documents an editor opens. */

/** The size in bytes of `text` as UTF-8, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      // A surrogate pair: 2 UTF-16 units, 4 bytes.
      bytes += 2;
      i++;
    } else if (c >= 0x800) bytes += 2;
    else if (c >= 0x80) bytes += 1;
  }
  return bytes;
}

/** Megabytes with one decimal (`20.0 MB`). */
export function formatBytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** The GN007 message for a file of `size` bytes over the limit. */
export function tooLargeMessage(size: number, maxFileSize: number): string {
  return `Not checked: the file is ${formatBytes(size)}, over groundedNotes.maxFileSize (${formatBytes(maxFileSize)})`;
}

/**
 * A note's index whose parts are decoded when first read. A warm start takes the
 * parses of thousands of unchanged notes from the persisted index; most are never
 * looked into before the user edits something (their saved problems stand), so
 * decoding them all up front only cost time and memory.
 */
import type { DocUri, NoteIndex } from '../types.js';
import { noteStem } from './note.js';

/** The parts decoded on first use; `uri`, `stem` and `version` are known without decoding. */
const PARTS = ['length', 'title', 'date', 'citations', 'headings', 'blockIds', 'prose'] as const;

/** A note index that calls `load` (once) the first time one of its parts is read or written. */
export function lazyNote(uri: DocUri, load: () => NoteIndex): NoteIndex {
  const note = { uri, stem: noteStem(uri), version: 0 } as NoteIndex;
  const target = note as unknown as Record<string, unknown>;
  let loaded = false;
  const fill = () => {
    if (loaded) return;
    loaded = true;
    const full = load() as unknown as Record<string, unknown>;
    for (const key of PARTS) {
      if (full[key] === undefined) delete target[key];
      else Object.defineProperty(note, key, { value: full[key], writable: true, enumerable: true, configurable: true });
    }
  };
  for (const key of PARTS) {
    Object.defineProperty(note, key, {
      get() {
        fill();
        return target[key];
      },
      set(value: unknown) {
        fill();
        target[key] = value;
      },
      enumerable: true,
      configurable: true,
    });
  }
  return note;
}

/**
 * A note's index whose parts are decoded when first read. A warm start takes the
 * parses of thousands of unchanged notes from the persisted index; most are never
 * looked into before the user edits something (their saved problems stand), so
 * decoding them all up front only cost time and memory.
 */
import type { BlockId, Citation, DocumentDate, DocUri, Heading, NoteIndex, Span } from '../types.js';
import { noteStem } from './note.js';

/**
 * A note index that calls `load` (once) the first time one of its parts is read or
 * written; `uri`, `stem` and `version` are known without it. One class, so ten
 * thousand of them share one shape.
 */
class LazyNote implements NoteIndex {
  readonly stem: string;
  version = 0;
  private full: NoteIndex | undefined;

  constructor(
    readonly uri: DocUri,
    private load: (() => NoteIndex) | undefined,
  ) {
    this.stem = noteStem(uri);
  }

  private get parts(): NoteIndex {
    if (!this.full) {
      this.full = this.load!();
      this.load = undefined;
    }
    return this.full;
  }

  get length(): number {
    return this.parts.length;
  }
  get title(): string | undefined {
    return this.parts.title;
  }
  get date(): DocumentDate | undefined {
    return this.parts.date;
  }
  get citations(): Citation[] {
    return this.parts.citations;
  }
  get headings(): Heading[] {
    return this.parts.headings;
  }
  get blockIds(): BlockId[] {
    return this.parts.blockIds;
  }
  get prose(): Span[] {
    return this.parts.prose;
  }
  get htmlIds(): string[] | undefined {
    return this.parts.htmlIds;
  }
}

/** A note index decoded by `load` when one of its parts is first read. */
export function lazyNote(uri: DocUri, load: () => NoteIndex): NoteIndex {
  return new LazyNote(uri, load);
}

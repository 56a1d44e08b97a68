/** A check, ESLint-style: an id, a default severity, documentation and the check itself. */
import type { WorkspaceView } from '../view.js';
import type { AnchorFileIndex, DocUri, NoteIndex, Problem, Severity, SourceIndex } from '../types.js';
import type { Code } from './all.js';

export type { Code } from './all.js';

export interface Rule {
  /** Stable code, `GN002`: the one its file name starts with (its problems carry it). */
  code: Code;
  /** Stable name, `unknown-anchor`. */
  name: string;
  defaultSeverity: Severity;
  /** Default severity of what this rule reports inside a source (date checks: information). */
  sourceSeverity?: Severity;
  /** One sentence for the README and SARIF. */
  description: string;
  /** A Markdown example for the README: a note line and what is reported. */
  example: string;
  /** Problems in one note (their `uri` may also name another file, e.g. an anchor file). */
  checkNote?(note: NoteIndex, view: WorkspaceView): Problem[];
  /** Problems in one source. */
  checkSource?(source: SourceIndex, view: WorkspaceView): Problem[];
  /** Problems in one anchor file. */
  checkAnchorFile?(file: AnchorFileIndex, view: WorkspaceView): Problem[];
  /** Problems of any file the workspace knows, checked or not (one that was not read, GN007). */
  checkFile?(uri: DocUri, view: WorkspaceView): Problem[];
}

/** A check, ESLint-style: an id, a default severity, documentation and the check itself. */
import type { WorkspaceView } from '../view.js';
import type { AnchorFileIndex, NoteIndex, Problem, Severity, SourceIndex } from '../types.js';

export interface Rule {
  /** Stable code, `GN002`. */
  code: string;
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
}

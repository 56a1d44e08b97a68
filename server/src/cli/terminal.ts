/**
 * Text made safe for a terminal and a CI log. A note, a file name or a citation is
 * written by whoever controls the workspace: a raw ESC could erase or rewrite the
 * lines above it or set the terminal's title, a line break could start a line that a
 * CI service reads as its own command (`::error …` on GitHub, `##vso[…]` on Azure
 * Pipelines), and bidirectional controls could reorder what is shown. Such characters
 * are written as escapes (`\x1b`, `\n`, `\u202e`); the JSON and SARIF formats need
 * none of this, as JSON escapes them itself.
 */

/** C0 and C1 controls, DEL, line and paragraph separators, and bidirectional formatting characters. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character escaped and no CI log command left intact (`##vso[`, `##[`). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape).replace(/##(vso)?\[/gi, (m) => `${m.slice(0, -1)}\\x5b`);
}

/** A path at the start of an output line: as `terminalSafe`, and never starting a `::command`. */
export function terminalSafePath(path: string): string {
  const safe = terminalSafe(path);
  return safe.trimStart().startsWith('::') ? `./${safe}` : safe;
}

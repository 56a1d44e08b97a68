/** GN007: a file that was not checked (too large, binary, unreadable), or a PDF read without a text layer. */
import type { Rule } from './rule.js';

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export const skippedFile: Rule = {
  code: 'GN007',
  name: 'skipped-file',
  defaultSeverity: 'information',
  description:
    'A note, source or anchor file that was not read: larger than `groundedNotes.maxFileSize` (on ' +
    'disk or open in the editor), binary, or not UTF-8 text; a PDF or web page that could not be ' +
    'read (damaged, protected by a password, over 200 MB, or taking over 2 minutes). A PDF without a ' +
    'text layer (a scan) is reported too, though it can still be cited whole or by page. The rest of ' +
    'the workspace is still checked.',
  example: 'a 20 MB note → Not checked: the file is 20.0 MB, over groundedNotes.maxFileSize (5.0 MB)',
  checkFile(uri, view) {
    const notice = view.readingNotice(uri);
    return notice ? [{ uri, range: START, code: skippedFile.code, message: notice.message, severity: 'information' }] : [];
  },
};

/** GN006: an anchor file that does not parse or has the wrong shape. */
import type { Problem } from '../types.js';
import type { Rule } from './rule.js';

export const invalidAnchorFile: Rule = {
  code: 'GN006',
  name: 'invalid-anchor-file',
  defaultSeverity: 'error',
  description:
    'An anchor file whose YAML does not parse, whose shape is wrong (not a map of names to quotes), ' +
    'that repeats a name, or that has no source beside it. Reported at the offending line; the rest ' +
    'of the workspace still works.',
  example: '`kirby-briefing: [oops` in `002_….anchors.yaml` → Invalid YAML: …',
  checkAnchorFile(file, view) {
    const problems: Problem[] = file.problems.map(({ uri, range, ...rest }) => ({ uri, range, code: invalidAnchorFile.code, ...rest }));
    const lines = view.lines(file.uri);
    const source = view.sourceForAnchorFile(file);
    if (!source && lines) {
      problems.push({
        uri: file.uri,
        range: lines.range({ start: 0, end: 0 }),
        code: invalidAnchorFile.code,
        message: `No source \`${file.sourceStem}.txt\` or \`${file.sourceStem}.md\` beside this anchor file: its anchors cannot be cited`,
      });
    }
    return problems;
  },
};

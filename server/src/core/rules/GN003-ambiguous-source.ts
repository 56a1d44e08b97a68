/** GN003: two sources share the cited id. */
import type { Rule } from './rule.js';
import { eachCitation, listCode, replaceFix } from './citationRule.js';
import { unresolvedAs } from '../view.js';

export const ambiguousSource: Rule = {
  code: 'GN003',
  name: 'ambiguous-source',
  defaultSeverity: 'error',
  description:
    'Two or more sources share the cited id (cite the whole file stem to say which); in a Foam ' +
    'workspace, two or more notes share the linked name.',
  example: '`[[002]]` with `002_a.txt` and `002_b.txt` → Source id `002` is ambiguous: `002_a` or `002_b`',
  checkNote(note, view) {
    return eachCitation(
      note,
      view,
      (c, resolution, problem) => {
        const r = unresolvedAs(resolution, 'GN003');
        if (!r) return undefined;
        if (r.kind === 'ambiguousNote') {
          // Foam asks for a path where several notes share a name; so does its diagnostic.
          const paths = r.notes.map((n) => view.files.get(n.uri)?.rel.replace(/\.md$/i, '') ?? n.stem).sort();
          return problem(
            c.targetSpan,
            `\`${c.target}\` names ${paths.length} notes (${listCode(paths)}); write the path to say which`,
            paths.map((p) => replaceFix(view, note.uri, c.targetSpan, p, `Link to \`${p}\``)),
          );
        }
        const stems = r.sources.map((s) => s.stem).sort();
        return problem(
          c.targetSpan,
          `Source id \`${c.target}\` is ambiguous: ${stems.length} sources share it (${listCode(stems)}); cite the whole stem`,
          stems.map((s) => replaceFix(view, note.uri, c.targetSpan, s, `Cite \`${s}\``)),
        );
      },
      ambiguousSource.code,
    );
  },
};

/** GN001: a citation names neither a source nor a note. */
import type { Rule } from './rule.js';
import { eachCitation, listCode, replaceFix } from './citationRule.js';

export const unknownSource: Rule = {
  code: 'GN001',
  name: 'unknown-source',
  defaultSeverity: 'error',
  description: 'A citation names a source id that no source has, and no note has that name either.',
  example: '`[[001#kirby-briefing]]` → Unknown source `001`: no source has that id and no note that name; did you mean `000` or `002`?',
  checkNote(note, view) {
    return eachCitation(note, view, (c, r, problem) => {
      if (r.kind !== 'unknownTarget') return undefined;
      const hint = r.suggestions.length > 0 ? `; did you mean ${listCode(r.suggestions)}?` : '';
      return problem(
        c.targetSpan,
        `Unknown source \`${c.target}\`: no source has that id and no note that name${hint}`,
        r.suggestions.map((s, i) => replaceFix(view, note.uri, c.targetSpan, s, `Change to \`${s}\``, i === 0)),
      );
    }, 'GN001');
  },
};

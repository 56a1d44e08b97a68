/** GN002: the source (or note) exists but has no such anchor (or heading). */
import type { Rule } from './rule.js';
import { eachCitation, listCode, replaceFix } from './citationRule.js';

export const unknownAnchor: Rule = {
  code: 'GN002',
  name: 'unknown-anchor',
  defaultSeverity: 'error',
  description: 'A citation names an anchor that its source does not have (no named anchor, heading, paragraph, line or quote matches), or a heading its note does not have.',
  example: '`[[002#kirby-brifing]]` → No anchor `kirby-brifing` in source 002; did you mean `kirby-briefing`?',
  checkNote(note, view) {
    return eachCitation(note, view, (c, r, problem) => {
      if (!c.anchorSpan) return undefined;
      if (r.kind === 'unknownAnchor') {
        const hint = r.suggestions.length > 0 ? `; did you mean ${listCode(r.suggestions)}?` : r.reason ? `: ${r.reason}` : '';
        return problem(
          c.anchorSpan,
          `No anchor \`${c.anchor}\` in source ${r.source.id}${hint}`,
          r.suggestions.map((s, i) => replaceFix(view, note.uri, c.anchorSpan!, s, `Change to \`${s}\``, i === 0)),
        );
      }
      if (r.kind === 'unknownHeading') {
        const hint = r.suggestions.length > 0 ? `; did you mean ${listCode(r.suggestions)}?` : '';
        return problem(
          c.anchorSpan,
          `No heading \`${c.anchor}\` in note \`${r.note.stem}\`${hint}`,
          r.suggestions.map((s, i) => replaceFix(view, note.uri, c.anchorSpan!, s, `Change to \`${s}\``, i === 0)),
        );
      }
      return undefined;
    }, 'GN002');
  },
};

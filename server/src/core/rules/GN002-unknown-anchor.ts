/** GN002: the source (or note) exists but has no such anchor (or heading, or block). */
import type { Rule } from './rule.js';
import { eachCitation, listCode, replaceFix } from './citationRule.js';
import { unresolvedAs } from '../view.js';

export const unknownAnchor: Rule = {
  code: 'GN002',
  name: 'unknown-anchor',
  defaultSeverity: 'error',
  description:
    'A citation names an anchor that its source does not have (no named anchor, heading, paragraph, ' +
    'line or quote matches), or a link names a heading or block (`^id`) that its note does not have.',
  example: '`[[002#kirby-brifing]]` → No anchor `kirby-brifing` in source 002; did you mean `kirby-briefing`?',
  checkNote(note, view) {
    return eachCitation(
      note,
      view,
      (c, resolution, problem) => {
        const r = unresolvedAs(resolution, 'GN002');
        if (!r) return undefined;
        if (!c.anchorSpan) {
          // Dendron: the anchor is part of the target after the pipe.
          if (r.kind !== 'unknownHeading' || !c.labelSpan) return undefined;
        }
        // In Dendron's `[[label|target#heading]]` the heading follows the `#` after the pipe.
        const hash = c.anchorSpan ? -1 : c.label!.indexOf('#');
        const span = c.anchorSpan ?? (hash >= 0 ? { start: c.labelSpan!.start + hash + 1, end: c.labelSpan!.end } : c.labelSpan!);
        const anchor = view.text(note.uri)!.slice(span.start, span.end);
        if (r.kind === 'unknownAnchor') {
          const hint = r.suggestions.length > 0 ? `; did you mean ${listCode(r.suggestions)}?` : r.reason ? `: ${r.reason}` : '';
          return problem(
            span,
            `No anchor \`${anchor}\` in source ${r.source.id}${hint}`,
            r.suggestions.map((s, i) => replaceFix(view, note.uri, span, s, `Change to \`${s}\``, i === 0)),
          );
        }
        // The other kind GN002 reports: a note without that heading or block.
        const hint = r.suggestions.length > 0 ? `; did you mean ${listCode(r.suggestions)}?` : '';
        const where = r.sameNote ? 'this note' : `note \`${r.note.stem}\``;
        const what = r.block ? 'block' : 'heading';
        return problem(
          span,
          `No ${what} \`${anchor}\` in ${where}${hint}`,
          r.suggestions.map((s, i) => replaceFix(view, note.uri, span, s, `Change to \`${s}\``, i === 0)),
        );
      },
      unknownAnchor.code,
    );
  },
};

/** GN004: a citation that cannot be read. */
import type { Rule } from './rule.js';
import { eachCitation } from './citationRule.js';
import { UNCLOSED } from '../parse/citations.js';

export const malformedCitation: Rule = {
  code: 'GN004',
  name: 'malformed-citation',
  defaultSeverity: 'error',
  description:
    'A citation or link that cannot be read: an unclosed `[[`, a link that names nothing, an empty ' +
    'anchor of a source, a quote anchor without its closing quote, or a bad line range.',
  example: '`[[002#L9-L3]]` → Malformed citation: bad line range `L9-L3`: lines count from L1 and a range ends after it starts',
  checkNote(note, view) {
    return eachCitation(
      note,
      view,
      (c, r, problem) => {
        if (r.kind !== 'malformed') return undefined;
        // An unclosed `[[` or an empty `[[]]` is text to Obsidian, Foam, Dendron and Logseq; it is a
        // slip worth reporting only where `[[` cites sources.
        if (!c.form && !view.hasSources() && (c.malformed === UNCLOSED || c.target === '')) return undefined;
        return problem(c, `Malformed ${view.hasSources() ? 'citation' : 'link'}: ${r.reason}`);
      },
      malformedCitation.code,
    );
  },
};

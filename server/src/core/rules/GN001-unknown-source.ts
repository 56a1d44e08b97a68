/** GN001: a link or citation names nothing in the workspace: no source, note or file. */
import type { Rule } from './rule.js';
import { eachCitation, listCode, replaceFix } from './citationRule.js';
import { unresolvedAs } from '../view.js';

export const unknownSource: Rule = {
  code: 'GN001',
  name: 'unknown-source',
  defaultSeverity: 'error',
  description:
    'A citation names a source id that no source has, or a link names a note or file the workspace ' +
    'does not have (by name, by path, or as an embed). In a workspace without sources the message ' +
    'speaks only of notes and files; suggestions are names of the same kind.',
  example: '`[[001#kirby-briefing]]` → Unknown source `001`: no source has that id and no note that name; did you mean `000` or `002`?',
  checkNote(note, view) {
    return eachCitation(
      note,
      view,
      (c, resolution, problem) => {
        const r = unresolvedAs(resolution, 'GN001');
        if (!r) return undefined;
        // Dendron writes the target after the pipe.
        const span = view.conventions.style === 'dendron' && !c.form && c.labelSpan ? c.labelSpan : c.targetSpan;
        const shown = view.text(note.uri)!.slice(span.start, span.end);
        // Joined, not concatenated: a message is kept to the end of a check, and a concatenation
        // is a tree of strings (20,757 messages on the real vault shape, five strings each).
        const hint = r.suggestions.length > 0 ? ['; did you mean ', listCode(r.suggestions), '?'] : [];
        const message = (
          r.what === 'source'
            ? ['Unknown source `', shown, '`: no source has that id and no note that name', ...hint]
            : r.what === 'file'
              ? ['No file `', shown, '` in the workspace', ...hint]
              : ['No note or file `', shown, '` in the workspace', ...hint]
        ).join('');
        return problem(
          span,
          message,
          r.suggestions.map((s, i) => replaceFix(view, note.uri, span, s, `Change to \`${s}\``, i === 0)),
        );
      },
      unknownSource.code,
    );
  },
};

/** GN005: a named anchor whose quote is no longer in its source: re-anchored (stale) or lost. */
import type { Problem, Span } from '../types.js';
import type { Rule } from './rule.js';
import { yamlScalar } from '../parse/yaml.js';

/**
 * The white space that ends a value's span: a block scalar's (`|-`) includes its line
 * break, which the one-line replacement must keep, or the next line joins the value.
 */
function trailingSpace(text: string, span: Span): string {
  let at = span.end;
  while (at > span.start && /\s/.test(text[at - 1]!)) at--;
  return text.slice(at, span.end);
}

export const staleAnchor: Rule = {
  code: 'GN005',
  name: 'stale-anchor',
  defaultSeverity: 'warning',
  description:
    'A named anchor whose quote is no longer in its source exactly (the source changed). It is ' +
    're-anchored to the closest fuzzy match, shown in the message, and citations keep resolving ' +
    'there; below 75% similarity it is lost (an error). The fix writes the re-anchored text into the ' +
    'anchor file.',
  example:
    'source 002 now says "John Kirby explained" → Anchor `kirby-briefing` is stale: re-anchored to ' +
    '“…John Kirby explained Biden’s comments…” (92% similar)',
  checkAnchorFile(file, view) {
    const source = view.sourceForAnchorFile(file);
    const lines = view.lines(file.uri);
    if (!source || !lines) return [];
    const named = view.namedPassages(source);
    // The name a reader can find the source by: its id, or its stem when others share the id.
    const name = view.sourcesById(source.id).length > 1 ? source.stem : source.id;
    const out: Problem[] = [];
    for (const def of file.anchors) {
      const p = named.get(def.key);
      if (!p?.stale) continue;
      const range = lines.range(def.valueSpan);
      if (p.stale.lost) {
        out.push({
          uri: file.uri,
          range,
          code: staleAnchor.code,
          severity: 'error',
          message: `Anchor \`${def.key}\` is lost: nothing in source ${name} is close to its quote any more`,
        });
        continue;
      }
      const now = source.text.slice(p.start, p.end).replace(/\s+/g, ' ');
      out.push({
        uri: file.uri,
        range,
        code: staleAnchor.code,
        message:
          `Anchor \`${def.key}\` is stale: its quote is no longer in source ${name}; re-anchored to ` +
          `“${now}” (${Math.round(p.stale.similarity * 100)}% similar)`,
        fixes: [
          {
            title: `Update the quote of \`${def.key}\` to the source's text`,
            isPreferred: true,
            edits: [{ uri: file.uri, range, newText: yamlScalar(now) + trailingSpace(view.text(file.uri) ?? '', def.valueSpan) }],
          },
        ],
        related: [{ uri: source.uri, range: view.lines(source.uri)!.range(p), message: 'Where the anchor now points' }],
      });
    }
    return out;
  },
  checkNote(note, view) {
    const lines = view.lines(note.uri);
    if (!lines) return [];
    const out: Problem[] = [];
    for (const c of note.citations) {
      const r = view.resolve(note, c);
      if (r.kind !== 'source' || !r.passage.stale || !c.anchorSpan) continue;
      const key = r.passage.anchor ?? c.anchor;
      out.push(
        r.passage.stale.lost
          ? {
              uri: note.uri,
              range: lines.range(c.anchorSpan),
              code: staleAnchor.code,
              severity: 'error',
              message: `Anchor \`${key}\` is lost: its quote is no longer in source ${r.source.id}`,
            }
          : {
              uri: note.uri,
              range: lines.range(c.anchorSpan),
              code: staleAnchor.code,
              message:
                `Anchor \`${key}\` is stale: re-anchored to ` +
                `“${r.source.text.slice(r.passage.start, r.passage.end).replace(/\s+/g, ' ')}” ` +
                `(${Math.round(r.passage.stale.similarity * 100)}% similar); update the anchor file`,
            },
      );
    }
    return out;
  },
};

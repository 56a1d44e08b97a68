/**
 * Hovers are Markdown that VS Code renders: nothing a workspace names may become a
 * link, an image that loads a remote URL, or HTML. A source named
 * `x![i](https:127.0.0.1:9)_y.txt` put a live remote image into the date hover and
 * into its GN020 text there.
 */
import { strict as assert } from 'node:assert';
import { LineIndex } from '../../server/src/core/text.js';
import { fixture, ROOT } from '../helpers/fixture.js';

/** Nothing in `markdown` is a live link, image, autolink or HTML. */
function assertInert(markdown: string): void {
  assert.doesNotMatch(markdown, /(?<!\\)\]\(/, `a live link or image in ${markdown}`);
  assert.doesNotMatch(markdown, /<[A-Za-z!/]/, `raw HTML or an autolink in ${markdown}`);
}

describe('Markdown injection through names', () => {
  for (const id of ['x![i](https:127.0.0.1:9)', '<https:127.0.0.1:9>', 'x<img src=https:127.0.0.1:9>']) {
    it(`the date hover over a date resolved against source \`${id}\` shows its name as text`, async () => {
      const note = `It happened on Wednesday, October 8 [[${id}]].\n`;
      const f = await fixture(
        `//- sources/${id}_y.txt\nDecember 7, 2021\n\nThe summit was held on Tuesday, December 7.\n//- notes/n.md\n${note}`,
      );
      const hover = f.service.hover(`${ROOT}/notes/n.md`, new LineIndex(note).positionAt(note.indexOf('October') + 2));
      assert.ok(hover, 'a date hover');
      assertInert(hover.contents);
      // The name is there, escaped, in the basis and in the flagged weekday.
      assert.match(hover.contents, /resolved against source x?\\?(!|&lt;)/);
      assert.match(hover.contents, /⚠ .*GN020/);
    });
  }
});

import { strict as assert } from 'node:assert';
import { timelineHtml } from '../../client/src/timelineHtml.js';
import { timelineData } from '../../server/src/core/features/timeline.js';
import { exampleFiles, fixture, fromFiles } from '../helpers/fixture.js';

describe('source timelines', () => {
  it('give each source its stated date, the span of its dates and every resolved mention, flagged ones marked', async () => {
    const f = await fromFiles(exampleFiles());
    const [t000, t002] = timelineData(f.service.view);
    assert.equal(t000!.id, '000');
    assert.equal(t000!.stated, '2021-12-07');
    assert.deepEqual([t000!.start, t000!.end], ['2021-12-07', '2021-12-09']);
    assert.deepEqual(
      t000!.entries.map((e) => [e.text, e.date, e.flagged.map((x) => x.slice(0, 5))]),
      [
        ['December 7, 2021', '2021-12-07', []],
        ['Wednesday, October 8', '2021-10-08', ['GN020', 'GN021']],
        ['Wednesday', '2021-12-01', []],
        ['Thursday, December 9', '2021-12-09', []],
        ['Thursday', '2021-12-09', []],
      ],
    );
    assert.equal(t002!.problems.length, 1);
    assert.match(t002!.problems[0]!, /^This source is dated June 18, 2024/);
  });

  it('render as a page with a strict Content-Security-Policy and escaped source text', async () => {
    const f = await fixture('//- sources/009_x.txt\nJune 1, 2020\n\nOn <script>alert(1)</script> Monday, June 1, 2020 it began.\n');
    const html = timelineHtml(timelineData(f.service.view), 'abc123');
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123';">/,
    );
    assert.ok(!html.includes('<script>alert'), 'source text is escaped');
    assert.ok(!/https?:\/\//.test(html), 'no remote resources');
    assert.match(html, /<svg viewBox/);
    assert.match(html, /<li class="" data-line="3" tabindex="0" role="link">Monday, 2020-06-01 — “Monday, June 1, 2020” \(line 3\)<\/li>/);
  });
});

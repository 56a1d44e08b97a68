import { strict as assert } from 'node:assert';
import type { ClientToServer } from '../../shared/protocol.js';
import { timelineHtml, timelineSvg } from '../../client/src/timelineHtml.js';
import { chooseTicks, labelWidth, LABEL_GAP, placeLabels, scaleFor, dayOf } from '../../client/src/timelineLayout.js';
import { sourceTimelines } from '../../server/src/core/features/timeline.js';
import { fixture, ROOT } from '../helpers/fixture.js';

const NEWS = `//- sources/007_report.txt
December 7, 2021

The leaders met by video on Tuesday, December 7, 2021.

Aides prepared the call for weeks.

Officials will brief allies on Thursday, December 9.
//- sources/007_report.anchors.yaml
prep: Aides prepared the call
//- notes/n.md
# Notes

They met [[007#p2]].
Aides had prepared [[007#prep]], then briefed allies [[007#L7]].
Undated source [[008]].
//- sources/008_undated.txt
No dates here at all.
`;

/** The label boxes of an SVG (from the placement the page uses), for overlap checks. */
function intersects(a: { left: number; width: number; lane: number }, b: { left: number; width: number; lane: number }) {
  return a.lane === b.lane && a.left < b.left + b.width && b.left < a.left + a.width;
}

describe('the source timeline view', () => {
  it("places the note's citations at the date their passage speaks of, and says where the stated date is written", async () => {
    const f = await fixture(NEWS);
    const [t007, t008] = sourceTimelines(f.service.view, { note: `${ROOT}/notes/n.md` });
    assert.equal(t007!.statedLine, 1);
    assert.deepEqual(t007!.citations, [
      { text: '[[007#p2]]', noteLine: 3, line: 3, date: '2021-12-07' }, // a date inside the passage
      { text: '[[007#prep]]', noteLine: 4, line: 5, date: '2021-12-07' }, // none inside: the last one before it
      { text: '[[007#L7]]', noteLine: 4, line: 7, date: '2021-12-09' },
    ]);
    assert.deepEqual(t008!.citations, [{ text: '[[008]]', noteLine: 5, line: 1 }], 'no date anywhere: the citation has none');
  });

  it('leaves citations out when no note is given', async () => {
    const f = await fixture(NEWS);
    assert.equal(sourceTimelines(f.service.view)[0]!.citations, undefined);
  });

  it('scales the axis to the dates shown, with day ticks for a few days and month ticks for a year', () => {
    const days = scaleFor([dayOf('2021-12-07'), dayOf('2021-12-09')], 16, 884);
    assert.deepEqual(
      chooseTicks(days).map((t) => t.label),
      ['Dec 6, 2021', 'Dec 7', 'Dec 8', 'Dec 9', 'Dec 10'],
    );
    const year = scaleFor([dayOf('2022-02-24'), dayOf('2022-12-10')], 16, 884);
    assert.deepEqual(
      chooseTicks(year).map((t) => t.label),
      ['Mar 2022', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    );
    const weeks = scaleFor([dayOf('2021-10-08'), dayOf('2021-12-09')], 16, 884);
    const weekly = chooseTicks(weeks);
    assert.equal(weekly[0]!.label, 'Oct 11, 2021', 'weekly ticks fall on Mondays');
    for (const [i, t] of weekly.entries()) {
      const next = weekly[i + 1];
      if (next)
        assert.ok(
          weeks.x(next.day) - weeks.x(t.day) >= (labelWidth(t.label) + labelWidth(next.label)) / 2 + LABEL_GAP,
          `${t.label} and ${next.label} crowd`,
        );
    }
  });

  it('lays labels out in lanes so that no two boxes intersect and none leaves the axis', () => {
    const items = ['Wednesday, October 8', 'December 7, 2021', 'Thursday, December 9', 'Thursday', 'stated Dec 7, 2021', 'Wednesday'].map(
      (text, i) => ({ x: [20, 860, 880, 880, 860, 840][i]!, text }),
    );
    const placed = placeLabels(items, 16, 884);
    for (const [i, p] of placed.entries()) {
      assert.ok(p.left >= 16 && p.left + p.width <= 884, `${items[i]!.text} leaves the axis`);
      for (const q of placed.slice(i + 1)) assert.ok(!intersects(p, q), `${JSON.stringify(p)} intersects ${JSON.stringify(q)}`);
    }
    assert.equal(placed[0]!.lane, 0, 'a label with room stays in the first lane');
    assert.equal(placed[0]!.left, 16, 'a label at the left edge is shifted inside, not clipped');
  });

  it('fits a narrow panel: at 400 px every label stays inside the axis and no two in a lane meet', async () => {
    const f = await fixture(NEWS);
    const svg = timelineSvg(sourceTimelines(f.service.view, { note: `${ROOT}/notes/n.md` })[0]!, 400);
    assert.match(svg, /^<svg viewBox="0 0 400 \d+" width="400"/);
    const labels = [...svg.matchAll(/<text class="label" x="([\d.]+)" y="([\d.]+)">([^<]*)<\/text>/g)].map((m) => ({
      center: Number(m[1]),
      y: Number(m[2]),
      width: labelWidth(m[3]!),
    }));
    assert.ok(labels.length >= 5);
    for (const [i, a] of labels.entries()) {
      assert.ok(a.center - a.width / 2 >= 16 - 0.1 && a.center + a.width / 2 <= 384 + 0.1, `label ${i} leaves the axis`);
      for (const b of labels.slice(i + 1)) {
        if (a.y === b.y) assert.ok(Math.abs(a.center - b.center) >= (a.width + b.width) / 2, `labels at ${a.center} and ${b.center} meet`);
      }
    }
  });

  it('draws a stated date far from the text past a break at the edge, leaving the axis to the text', () => {
    const t: ClientToServer.SourceTimeline = {
      uri: `${ROOT}/sources/002.txt`,
      id: '002',
      stated: '2024-06-18',
      statedLine: 1,
      implied: '2022-12-01',
      start: '2022-02-24',
      end: '2022-12-01',
      entries: [
        { text: 'February 24', date: '2022-02-24', weekday: 'Thursday', line: 5, flagged: [] },
        { text: 'December 1', date: '2022-12-01', weekday: 'Thursday', line: 9, flagged: [] },
      ],
      problems: [],
    };
    const svg = timelineSvg(t);
    assert.match(svg, /<path class="break"/);
    assert.match(svg, /<g class="mark stated" data-line="1"[^>]*><title>The source&#39;s stated date, Jun 18, 2024<\/title>/);
    assert.match(svg, /<text class="label" [^>]*>implied Dec 1, 2022<\/text>/);
    assert.ok(!/tick-label[^>]*>[^<]*2024/.test(svg), 'no tick in 2024: the axis covers the text');
    assert.match(svg, /tick-label[^>]*>Mar 2022</);
  });

  it('makes every mark a link to its line, posted by the one nonce\u2019d script', async () => {
    const f = await fixture(NEWS);
    const html = timelineHtml(sourceTimelines(f.service.view, { note: `${ROOT}/notes/n.md` }), 'n0nce', 'n.md');
    assert.equal(html.match(/<script/g)!.length, 1);
    assert.match(html, /<script nonce="n0nce">const vscode = acquireVsCodeApi\(\);/);
    assert.ok(!/\son[a-z]+=/.test(html), 'no inline event handlers');
    assert.match(html, /<section data-source="0">/);
    assert.match(
      html,
      /<g class="mark citation" data-line="5" [^>]*><title>\[\[007#prep\]\] \(note line 4\) cites line 5, dated Dec 7, 2021<\/title>/,
    );
    assert.match(html, /<g class="mark date" data-line="7" /);
    assert.match(html, /▼<\/span> cited in n\.md/);
  });
});

/**
 * Dates in the shapes real news and announcements showed (TimeML newswire, government
 * press releases): each test is a sentence written the way those texts write it, and
 * asserts what a user sees — the codes, ranges, messages and fixes, or the hover.
 */
import { strict as assert } from 'node:assert';
import { analyzeDates } from '../../server/src/core/dates/analyze.js';
import { judgeDates } from '../../server/src/core/rules/dateJudgments.js';
import { timelineData } from '../../server/src/core/features/timeline.js';
import { exampleFiles, fixture, fromFiles, problemsOf, ROOT } from '../helpers/fixture.js';

const DATE_CODES = ['GN020', 'GN021', 'GN022', 'GN023', 'GN024', 'GN025'];

/** Findings of a source text dated `dated` (ISO), as `CODE “flagged text” message`. */
function findings(text: string, dated?: string) {
  const [y, m, d] = (dated ?? '').split('-').map(Number);
  const a = analyzeDates(
    text,
    dated ? { documentDate: { date: { y: y!, m: m!, d: d! }, basis: 'the date line' }, isSource: true } : { isSource: true },
  );
  return judgeDates(text, a).map((f) => `${f.code} “${f.span.start >= 0 ? text.slice(f.span.start, f.span.end) : ''}” ${f.message}`);
}

/** The resolved date (ISO) of each mention whose text is in `texts`. */
function resolved(text: string, dated: string, ...texts: string[]) {
  const [y, m, d] = dated.split('-').map(Number);
  const a = analyzeDates(text, { documentDate: { date: { y: y!, m: m!, d: d! }, basis: 'the date line' } });
  return texts.map((t) => {
    const found = a.mentions.find((x) => x.text === t);
    return found?.resolved
      ? `${t} → ${found.resolved.y}-${String(found.resolved.m).padStart(2, '0')}-${String(found.resolved.d).padStart(2, '0')}`
      : `${t} → nothing`;
  });
}

describe('dates in news sentences: the verb group that governs the date', () => {
  it('a forward-looking clause inside a past-tense report keeps the document year', () => {
    const text = 'The company said the dividend is payable Thursday, Jan. 15, to holders of record Jan. 2.';
    assert.deepEqual(findings(text, '2015-01-05'), []);
    assert.deepEqual(resolved(text, '2015-01-05', 'Thursday, Jan. 15', 'Jan. 2'), [
      'Thursday, Jan. 15 → 2015-01-15',
      'Jan. 2 → 2015-01-02',
    ]);
  });

  it('a past verb governing the date still reaches back a year', () => {
    assert.deepEqual(resolved('He said on Thursday, December 30 that it was over.', '2022-01-05', 'Thursday, December 30'), [
      'Thursday, December 30 → 2021-12-30',
    ]);
    assert.deepEqual(resolved('The index closed within 70 points of its record high set on Aug. 6.', '1998-02-06', 'Aug. 6'), [
      'Aug. 6 → 1997-08-06',
    ]);
  });

  it('an abbreviation does not end the sentence: "by Jan. 14" keeps its clause', () => {
    assert.deepEqual(
      resolved('The boy must be returned to his father by Jan. 14. Officials declined to comment.', '2000-01-05', 'Jan. 14'),
      ['Jan. 14 → 2000-01-14'],
    );
  });

  it('an infinitive after a past verb says nothing: the nearest year wins', () => {
    assert.deepEqual(
      resolved('The committee issued a subpoena for the boy to testify before it on Feb. 10, so he stays.', '2000-01-07', 'Feb. 10'),
      ['Feb. 10 → 2000-02-10'],
    );
  });

  it('a bare weekday is counted from the document date with its verb', () => {
    const text = 'Officials said Monday that the talks had failed. The envoy will return to the capital on Thursday.';
    assert.deepEqual(resolved(text, '1998-08-18', 'Monday', 'Thursday'), ['Monday → 1998-08-17', 'Thursday → 1998-08-20']);
  });

  it('a historical date in a subordinate clause does not move the year of the dates after it', () => {
    const text =
      'It was the first such visit since the war began on Thursday, March 20, 2003.\n\nThe president ' +
      'arrived on Friday, June 4, and will leave on Sunday, June 6.';
    assert.deepEqual(findings(text, '2004-06-07'), []);
  });

  it('a fronted date of another year moves the narrative within its paragraph', () => {
    const text = 'In August 1908, two men were held in the county jail. On Friday, August 14th, a crowd gathered around the jail.';
    assert.deepEqual(findings(text, '2024-08-16'), []);
    assert.deepEqual(resolved(text, '2024-08-16', 'Friday, August 14th'), ['Friday, August 14th → 1908-08-14']);
  });
});

describe('dates in announcements', () => {
  it('"scheduled for", "located at" and "United States" are not past tense: a coming event keeps the year', () => {
    const text =
      'The United States delegation’s visit is scheduled for Monday, November 14. Tours start at the ' +
      'Visitor Center, located at 1450 Pennsylvania Avenue NW, on Saturday, October 8 and Sunday, ' +
      'October 9.';
    assert.deepEqual(findings(text, '2022-09-27'), []);
  });

  it('a colon after the day is still a date, and a wrong weekday there is flagged', () => {
    assert.deepEqual(resolved('The Times said in an editorial on Monday, Oct. 26: the verdict stands.', '1998-10-25', 'Monday, Oct. 26'), [
      'Monday, Oct. 26 → 1998-10-26',
    ]);
    assert.deepEqual(findings('The Times said in an editorial on Tuesday, Oct. 26: the verdict stands.', '1998-10-25'), [
      'GN020 “Tuesday, Oct. 26” October 26, 1998 was a Monday, not a Tuesday (year from the date line)',
    ]);
  });

  it('a day is 1–31 and not a count: price rows and "in March 35 people" are no dates', () => {
    assert.deepEqual(
      findings('XYZ 40 Jun 12.50 13.25\nIn March 35 people were hurt, and in March 12 people were hurt again.', '2020-05-01'),
      [],
    );
    assert.deepEqual(resolved('In March 12 people were hurt.', '2020-05-01', 'March 12'), ['March 12 → nothing']);
  });

  it('ranges: the start takes the range’s year, a later weekday agrees with it, and a reversed range is GN024', () => {
    const text =
      'The conference ran from June 3 to June 5, 1994. On Friday, June 3rd, the delegates arrived.\n\nSessions ran June 3-5, 1994.';
    assert.deepEqual(findings(text, '2024-01-10'), []);
    assert.deepEqual(resolved(text, '2024-01-10', 'June 3', 'Friday, June 3rd'), ['June 3 → 1994-06-03', 'Friday, June 3rd → 1994-06-03']);
    assert.deepEqual(resolved('The summit is slated for March 30 to April 2.', '2026-01-10', 'March 30', 'April 2'), [
      'March 30 → 2026-03-30',
      'April 2 → 2026-04-02',
    ]);
    assert.deepEqual(findings('Applications are open Monday, April 27, through Thursday, April 23, 2026.', '2026-03-01'), [
      'GN024 “Monday, April 27, through Thursday, April 23, 2026” This range ends (April 23, 2026) before it starts (April 27)',
    ]);
  });

  it('a wrong weekday in a real announcement is still flagged, with the fixes', () => {
    const text = 'The application period for the session will open on Monday, March 13 and close on Friday, April 9.';
    const a = analyzeDates(text, { documentDate: { date: { y: 2023, m: 3, d: 8 }, basis: 'the date line' }, isSource: true });
    assert.deepEqual(
      judgeDates(text, a).map((f) => [
        f.code,
        text.slice(f.span.start, f.span.end),
        f.message,
        f.fixes.map((x) => `${x.title} → ${x.newText}`),
      ]),
      [
        [
          'GN020',
          'Friday, April 9',
          'April 9, 2023 was a Sunday, not a Friday (year from the date line)',
          ['Change the weekday to Sunday → Sunday', 'Change the date to Friday, April 7 → 7'],
        ],
      ],
    );
  });
});

describe('what a text says about its own date (GN023)', () => {
  it('elapsed phrases that date their own sentence say nothing about the document', () => {
    const text =
      'The flood began on March 24, 2010.\n\nOn May 3, 40 days after the flood began, the river ' +
      'fell.\n\nTen years after the treaty took effect on July 1, 2005, the parties met in Geneva.';
    assert.deepEqual(findings(text, '2021-03-10'), []);
  });

  it('"N months since" an event the text dates contradicts the stated date, and says which words imply what', () => {
    const text = 'Russia invaded on February 24 of this year.\n\nIn the nearly 10 months since Russia invaded, the allies stood together.';
    assert.deepEqual(findings(text, '2024-06-18'), [
      'GN023 “” This source is dated June 18, 2024, but its own text implies about December 2024: ' +
        '“nearly 10 months since Russia invaded, the allies stood toge…” counted from “February 24 of ' +
        'this year” (February 24, 2024)',
    ]);
  });

  it('a source whose stated date its own text contradicts is read against the implied date; the timeline shows both', async () => {
    const f = await fromFiles(exampleFiles());
    const t002 = timelineData(f.service.view).find((t) => t.id === '002')!;
    assert.equal(t002.stated, '2024-06-18');
    assert.equal(t002.implied, '2024-12-24');
    // Its weekdays are counted from the implied date, not from June.
    const thursdays = t002.entries.filter((e) => e.text === 'Thursday').map((e) => e.date);
    assert.equal(thursdays.length, 5);
    assert.ok(
      thursdays.every((d) => d.startsWith('2024-12-')),
      thursdays.join(' '),
    );
  });
});

describe('a note sentence with two dates (GN022)', () => {
  it('compares each date with the passage’s date for that statement and offers that date', async () => {
    const f = await fixture(
      '//- sources/010_talks.txt\nMarch 10, 2020\n\nThe talks ran from Tuesday, March 3 to Friday, March 6, 2020, in Geneva.\n' +
        '//- notes/talks.md\n---\ndate: 2020-03-20\n---\nThe talks ran from March 3 through March 5 [[010#p2]].\n',
    );
    assert.deepEqual(problemsOf(f, 'notes/talks.md', DATE_CODES), [
      '4:36-4:43 GN022 The cited passage dates this to Friday, March 6, 2020 (“Friday, March 6, 2020” ' +
        'in source 010); the note says March 5, 2020',
    ]);
    const [fix] = f.service.codeActions(`${ROOT}/notes/talks.md`, { start: { line: 3, character: 36 }, end: { line: 3, character: 36 } }, [
      'GN022',
    ]);
    assert.equal(fix!.title, 'Change to March 6');
    assert.equal(fix!.edits[0]!.newText, 'March 6');
  });

  it('offers the passage’s date for the same statement, not the passage’s first date', async () => {
    const f = await fixture(
      '//- sources/012_board.txt\nMarch 10, 2020\n\nThe board met on Monday, March 2, 2020. It voted ' +
        'on the merger on Friday, March 6, 2020.\n' +
        '//- notes/board.md\n---\ndate: 2020-03-20\n---\nThe board voted on the merger on March 5 [[012#p2]].\n',
    );
    assert.deepEqual(problemsOf(f, 'notes/board.md', ['GN022']), [
      '4:34-4:41 GN022 The cited passage dates this to Friday, March 6, 2020 (“Friday, March 6, 2020” ' +
        'in source 012); the note says March 5, 2020',
    ]);
  });

  it('an abbreviation such as "P.M." does not split the sentence from its citation', async () => {
    const f = await fixture(
      '//- sources/011_call.txt\nOctober 1, 2022\n\nApplications close on Friday, October 21, 2022 at 5:00 P.M. ET.\n' +
        '//- notes/call.md\n---\ndate: 2022-10-02\n---\nApplications close on October 20 at 5:00 P.M. ET. [[011#p2]]\n',
    );
    assert.deepEqual(problemsOf(f, 'notes/call.md', ['GN022']), [
      '4:23-4:33 GN022 The cited passage dates this to Friday, October 21, 2022 (“Friday, October 21, ' +
        '2022” in source 011); the note says October 20, 2022',
    ]);
  });

  it('a citation in the paragraph after the sentence it closes is compared with that sentence', async () => {
    const f = await fixture(
      '//- sources/011_call.txt\nOctober 1, 2022\n\nApplications close on Friday, October 21, 2022 at 5:00 P.M. ET.\n' +
        '//- notes/call.md\n---\ndate: 2022-10-02\n---\nThe call opened on October 3. Applications close on October 20.\n\n' +
        '[[011#p2]] More on the call follows.\n',
    );
    assert.deepEqual(problemsOf(f, 'notes/call.md', ['GN022']), [
      '4:53-4:63 GN022 The cited passage dates this to Friday, October 21, 2022 (“Friday, October 21, ' +
        '2022” in source 011); the note says October 20, 2022',
    ]);
  });
});

describe('links, code and file names are never date evidence', () => {
  it('in a source, a dated URL or file name is no date and gives no year', () => {
    const text =
      'Posted at example.org/2019-03-04-release-notes with scan_2019-03-04.pdf and ' +
      '`2019-03-04`.\n\nThe release shipped on Monday, March 4.';
    assert.deepEqual(findings(text, '2024-03-10'), []);
    assert.deepEqual(resolved(text, '2024-03-10', 'Monday, March 4', '2019-03-04'), [
      'Monday, March 4 → 2024-03-04',
      '2019-03-04 → nothing',
    ]);
  });

  it('in a source, a date in fenced code (``` or ~~~) is no date and gives no year', () => {
    for (const fence of ['~~~', '```']) {
      const text = `${fence}\nreleased 2019-03-04\n\nagain 2019-03-05\n${fence}\n\nThe release shipped on Monday, March 4.`;
      assert.deepEqual(findings(text, '2024-03-10'), []);
      assert.deepEqual(resolved(text, '2024-03-10', 'Monday, March 4', '2019-03-04', '2019-03-05'), [
        'Monday, March 4 → 2024-03-04',
        '2019-03-04 → nothing',
        '2019-03-05 → nothing',
      ]);
    }
  });

  it('a year in a URL does not give a note its year', async () => {
    const f = await fixture(
      '//- notes/release.md\n---\ndate: 2024-03-10\n---\nRelease notes: ' +
        'https://example.org/2019-03-04-release-notes and [the post](blog/2019-03-04.md) and ' +
        '<https://example.org/2019-03-04>, `2019-03-04`.\n\nWe shipped on Monday, March 4.\n',
    );
    assert.deepEqual(problemsOf(f, 'notes/release.md', DATE_CODES), []);
    const h = f.service.hover(`${ROOT}/notes/release.md`, { line: 5, character: 20 })!;
    assert.match(h.contents, /^\*\*Monday, March 4, 2024\*\* — resolved against the note's date \\\(March 10, 2024\\\)/);
    for (const character of [40, 80, 120, 140])
      assert.equal(f.service.hover(`${ROOT}/notes/release.md`, { line: 3, character }), undefined, `no date at ${character}`);
  });
});

describe('daily notes', () => {
  it('take their date from the file name, with or without a weekday after it', async () => {
    const f = await fixture(
      '//- notes/2021-10-02.md\nOn Friday we met the mayor.\n//- notes/2021-10-02 Saturday.md\nOn Friday, October 1 we met again.\n',
    );
    const h = f.service.hover(`${ROOT}/notes/2021-10-02.md`, { line: 0, character: 5 })!;
    assert.equal(
      h.contents,
      "**Friday, October 1, 2021** — resolved against the note's file name \\(October 2, 2021\\)\n\nEvidence: governing verb “met” (past)",
    );
    assert.deepEqual(problemsOf(f, 'notes/2021-10-02 Saturday.md', DATE_CODES), []);
  });
});

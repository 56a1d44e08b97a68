import { strict as assert } from 'node:assert';
import { analyzeDates } from '../../server/src/core/dates/analyze.js';
import { judgeDates } from '../../server/src/core/rules/dateJudgments.js';
import { exampleFiles, fixture, fromFiles, problemsOf, ROOT } from '../helpers/fixture.js';

const DATE_CODES = ['GN020', 'GN021', 'GN022', 'GN023', 'GN024', 'GN025'];

/** Findings of a text as `CODE “flagged text” message`. */
function findings(text: string, date?: { y: number; m: number; d: number }) {
  const a = analyzeDates(text, date ? { documentDate: { date, basis: 'the document date' } } : {});
  return judgeDates(text, a).map((f) => `${f.code} “${text.slice(f.span.start, f.span.end)}” ${f.message}`);
}

describe('dates in the seed sources', () => {
  it('source 000: GN020 and GN021 on “Wednesday, October 8”, with the fixes, and nothing else', async () => {
    const f = await fromFiles(exampleFiles());
    assert.deepEqual(problemsOf(f, 'sources/000_73692c68c32165cb.txt', DATE_CODES), [
      "29:50-29:70 GN020 October 8, 2021 was a Friday, not a Wednesday (year from source 000's title)",
      '29:50-29:70 GN021 October 8 lies outside the timeline around it (December 7–9, 2021); did you mean Wednesday, December 8, 2021?',
    ]);
    const uri = `${ROOT}/sources/000_73692c68c32165cb.txt`;
    const fixes = f.service.codeActions(uri, { start: { line: 28, character: 55 }, end: { line: 28, character: 55 } }, []);
    assert.deepEqual(
      fixes.map((x) => [x.title, x.edits[0]!.newText, x.edits[0]!.range.start.character, x.edits[0]!.range.end.character]),
      [
        ['Change the weekday to Friday', 'Friday', 49, 58],
        ['Change the date to Wednesday, October 6', '6', 68, 69],
        ['Change "Wednesday, October 8" to "Wednesday, December 8"', 'Wednesday, December 8', 49, 69],
      ],
    );
    const all = f.service.allProblems().get(uri)!;
    assert.ok(
      all.every((p) => p.severity === 'information'),
      'date checks in sources are information',
    );
  });

  it('source 002: GN023 on its stated date line', async () => {
    const f = await fromFiles(exampleFiles());
    const [p] = problemsOf(f, 'sources/002_a3f28121737e2d7d.txt', DATE_CODES);
    assert.equal(
      p,
      '1:1-1:14 GN023 This source is dated June 18, 2024, but its own text implies about December 2024: ' +
        '“nearly 10 months since Russia illegally invaded Ukraine, ali…” counted from “February 24 of this year” (February 24, 2024)',
    );
  });
});

describe('resolving year-less dates and weekdays', () => {
  it('takes the year from the nearest preceding full date', () => {
    assert.deepEqual(findings('The summit was on December 7, 2021. On Thursday, December 9, AP reported.'), []);
    assert.deepEqual(findings('The summit was on December 7, 2021. On Friday, December 9, AP reported.'), [
      'GN020 “Friday, December 9” December 9, 2021 was a Thursday, not a Friday (year from the date “December 7, 2021” before it)',
    ]);
  });

  it('else from the document date, and never from the system clock', () => {
    assert.deepEqual(findings('On Thursday, December 9, AP reported.', { y: 2021, m: 12, d: 10 }), []);
    assert.deepEqual(findings('On Thursday, December 9, AP reported.'), []);
  });

  it('past tense: a month after the reference month belongs to the previous year', () => {
    assert.deepEqual(findings('He said on Thursday, December 30 that it was over.', { y: 2022, m: 1, d: 5 }), []);
    assert.deepEqual(findings('He said on Friday, December 30 that it was over.', { y: 2022, m: 1, d: 5 }), [
      'GN020 “Friday, December 30” December 30, 2021 was a Thursday, not a Friday (year from the document date)',
    ]);
  });

  it('past tense reaches up to the document date, not only the last full date', () => {
    assert.deepEqual(
      findings('They met on Saturday, August 31, 2019. He said on Monday, September 2 that it was done.', { y: 2019, m: 9, d: 3 }),
      [],
    );
  });

  it('future tense: a month before the reference month belongs to the next year', () => {
    assert.deepEqual(findings('They will meet on Monday, January 3.', { y: 2021, m: 12, d: 28 }), []);
  });

  it('“of this year” takes the reference year', () => {
    const a = analyzeDates('The invasion began on February 24 of this year.', {
      documentDate: { date: { y: 2022, m: 12, d: 16 }, basis: 'x' },
    });
    assert.deepEqual(a.mentions[0]!.resolved, { y: 2022, m: 2, d: 24 });
  });

  it('in a note, falls back to the dates of the sources its paragraph cites', async () => {
    const f = await fixture(
      '//- sources/000_x.txt\nDecember 7, 2021\n\nThe call happened.\n//- notes/n.md\nOn Thursday, ' +
        'December 9 Biden called [[000#p2]].\n\nOn Friday, December 9 he called again [[000#p2]].\n',
    );
    assert.deepEqual(problemsOf(f, 'notes/n.md', DATE_CODES), [
      "3:4-3:22 GN020 December 9, 2021 was a Thursday, not a Friday (year from source 000's date line)",
    ]);
  });
});

describe('impossible dates and ranges (GN024)', () => {
  it('flags days a month does not have, including February 29 of a common year', () => {
    assert.deepEqual(findings('Due on February 30, 2021 or April 31.', { y: 2021, m: 1, d: 1 }), [
      'GN024 “February 30, 2021” February 30, 2021 does not exist: February 2021 has 28 days',
      'GN024 “April 31” April 31 does not exist: April has 30 days',
    ]);
    assert.deepEqual(findings('It was Tuesday, February 29, 2022.'), [
      'GN024 “February 29, 2022” February 29, 2022 does not exist: 2022 is not a leap year',
    ]);
    assert.deepEqual(findings('It was Thursday, February 29, 2024.'), []);
  });

  it('flags a range that ends before it starts', () => {
    assert.deepEqual(findings('The talks ran from March 12, 2022 to March 5, 2022.'), [
      'GN024 “March 12, 2022 to March 5, 2022” This range ends (March 5, 2022) before it starts (March 12, 2022)',
    ]);
    assert.deepEqual(findings('Talks ran March 12–15, 2022 and March 12–5.', { y: 2022, m: 4, d: 1 }), [
      'GN024 “March 12–5” This range ends (March 5) before it starts (March 12)',
    ]);
  });
});

describe('what is left alone', () => {
  it('ambiguous numeric dates, lower-case month words and unknown weekday abbreviations', () => {
    assert.deepEqual(findings('Filed 03/04/2021 (Friday). You may 3 times. 2016-12-29(Tsu).'), []);
  });

  it('year boundaries: Friday, December 31, 2021 and Saturday, January 1, 2022 are right', () => {
    assert.deepEqual(findings('From Friday, December 31, 2021 to Saturday, January 1, 2022.'), []);
  });

  it('what real meeting notes write: a date the text itself calls impossible, a date mapped "to" another, times', () => {
    // Found in held-out meeting notes (tc39/notes, kubernetes/sig-release, WebAssembly/meetings).
    assert.deepEqual(findings('There is no February 31st, so it clamps. The string 2030-02-29 is not a valid date.'), []);
    assert.deepEqual(findings('In a leap month, constrain February 29th to February 28th.', { y: 2023, m: 5, d: 1 }), []);
    assert.deepEqual(findings('### Jan 3 - Feb 27\n- 7 week coding period', { y: 2017, m: 1, d: 1 }), []);
    assert.deepEqual(findings('### Sept 15 - Sept 27\n- Sept 15th (Fri)\n  * Docs ready', { y: 2017, m: 9, d: 1 }), []);
    assert.deepEqual(findings('February 30 is never valid, and February 29th, 2030, doesn’t exist.'), []);
    assert.deepEqual(findings('March 14th - 11pm PST, Brad to schedule.', { y: 2019, m: 3, d: 1 }), []);
    assert.deepEqual(findings('Next call: Friday 26 July 1400 UTC.', { y: 2019, m: 7, d: 1 }), []);
    // Two weekdays joined by a slash name two days in order, as with "and" (privacycg/meetings).
    assert.deepEqual(findings('* Wednesday/Thursday September 16th and 17th', { y: 2020, m: 8, d: 13 }), []);
    assert.equal(
      findings('* Thursday/Friday September 16th and 17th', { y: 2020, m: 8, d: 13 })[0],
      'GN020 “Thursday/Friday September 16” September 16, 2020 was a Wednesday, not a Thursday (year from the document date)',
    );
    // A day named more than once is the text's topic, not a slip (a standards meeting on date APIs).
    const api = 'So could you have a February 30th? Creating a PlainMonthDay of February 30th throws.';
    assert.deepEqual(findings(api, { y: 2023, m: 11, d: 28 }), []);
    assert.deepEqual(findings('Pass 2030-02-29, or February 29, 2030: both are rejected.'), []);
    // Named once, it is flagged.
    assert.deepEqual(findings('So could you have a February 30th?', { y: 2023, m: 11, d: 28 }), [
      'GN024 “February 30” February 30 does not exist: February has 29 days',
    ]);
    // Still flagged: a backward range said with "from", and an impossible date said plainly.
    assert.deepEqual(findings('The talks ran from March 12 to March 5.', { y: 2022, m: 4, d: 1 }), [
      'GN024 “March 12 to March 5” This range ends (March 5) before it starts (March 12)',
    ]);
  });

  it('the tense of joined participles, obligations and adjectives in "-ed" (meeting notes)', () => {
    // Before: each took the year before the note's, as if past ("reviewed", "held", "has to", "associated").
    const in2018 = { y: 2018, m: 1, d: 2 };
    assert.deepEqual(findings('Docs must be completed and reviewed by Friday, March 9th.', in2018), []);
    assert.deepEqual(findings('The call will be cancelled and held on Friday, November 16 instead.', in2018), []);
    assert.deepEqual(findings('Anne has to leave at 3pm on Thursday, June 7th.', in2018), []);
    assert.deepEqual(findings('File an associated issue by Monday, January 22nd.', in2018), []);
    assert.deepEqual(findings('The docs were reviewed on Friday, March 9th.', in2018), [
      'GN020 “Friday, March 9th” March 9, 2017 was a Thursday, not a Friday (year from the document date)',
    ]);
  });

  it('a verb in another table cell, a participle that modifies a noun, an agenda’s "finalized by" (release notes)', () => {
    // Before: each was read as past, and the date put in the year before.
    const table = '| Task | Owner | Date |\n|---|---|---|\n| Release notes reviewed & merged | Lead | Thursday 8th December |\n';
    assert.deepEqual(findings(table, { y: 2022, m: 11, d: 29 }), []);
    assert.deepEqual(
      findings('Starting on Tuesday, May 29th, only PRs labeled by their SIGs will be allowed to merge.', { y: 2018, m: 4, d: 3 }),
      [],
    );
    assert.deepEqual(findings('Aiming for kickoff next week, all shadows finalized by Friday Jan 11th.', { y: 2019, m: 1, d: 3 }), []);
    // With its auxiliary the participle is past, and a wrong weekday is still flagged.
    assert.deepEqual(findings('All shadows were finalized by Friday Jan 11th.', { y: 2019, m: 1, d: 3 }), [
      'GN020 “Friday Jan 11th” January 11, 2018 was a Thursday, not a Friday (year from the document date)',
    ]);
  });

  it('a month named with its year stands for the whole month (an election guide)', () => {
    // Before: "August 2026" was read as August 15, so a deadline on August 3 fell in 2027.
    const guide =
      'Anyone active between August 2024 and August 2026 may vote.\n\n| Date | Event |\n|---|---|\n| Monday, August 3 | Nominations due |\n';
    assert.deepEqual(findings(guide), []);
    assert.deepEqual(findings(guide.replace('Monday', 'Tuesday')), [
      'GN020 “Tuesday, August 3” August 3, 2026 was a Monday, not a Tuesday (year from “August 2026” before it)',
    ]);
  });

  it('a dated heading dates its section (a log of meetings, newest first or with deadlines ahead)', () => {
    // Before: the year came from the note's first date (December 19, 2023) or from a deadline
    // written in an earlier paragraph (September 25, 2018), not from the meeting's own heading.
    const newestFirst = '# Archive\n\n## Dec 19, 2023\n\nQuiet week.\n\n## Oct 17, 2023\n\nReleases scheduled for Wednesday, October 18.\n';
    assert.deepEqual(findings(newestFirst, { y: 2023, m: 12, d: 19 }), []);
    const deadlines =
      '# Minutes\n\n## July 12, 2018 (recording)\n\nKey dates: release on Sept. 25, 2018.\n\nPatch 1.11.1 will cut Monday July 16th.\n';
    assert.deepEqual(findings(deadlines), []);
    // Still flagged where the weekday is wrong in the heading's year, which the message names.
    assert.deepEqual(findings(newestFirst.replace('Wednesday', 'Thursday'), { y: 2023, m: 12, d: 19 }), [
      'GN020 “Thursday, October 18” October 18, 2023 was a Wednesday, not a Thursday (year from the heading “Oct 17, 2023” above it)',
    ]);
    // A year standing alone as a heading dates its section as a whole year: the meeting under it,
    // headed "February 24th", is in 2021, whatever year a paragraph names in passing.
    const yearly =
      '# 2021\n\n## February 24th meeting\n\nWe need a lead for the team in Jan 2022.\n\nCall for interns due Monday March 1st.\n';
    assert.deepEqual(findings(yearly), []);
    assert.deepEqual(findings(yearly.replace('Monday', 'Tuesday')), [
      'GN020 “Tuesday March 1st” March 1, 2021 was a Monday, not a Tuesday (year from the heading “February 24th” above it)',
    ]);
    // "# 2021 goals" is no year heading.
    assert.deepEqual(findings(yearly.replace('# 2021', '# 2021 goals')), [
      'GN020 “Monday March 1st” March 1, 2022 was a Tuesday, not a Monday (year from “Jan 2022” before it)',
    ]);
    // The section ends at the next heading of its level: below it the document's date counts again.
    assert.deepEqual(findings('## Oct 17, 2023\n\nDone.\n\n## Plans\n\nWe ship on Friday, January 5.\n', { y: 2023, m: 12, d: 19 }), []);
  });

  it('a date that is a paragraph of its own heads the entry under it (minutes exported from a word processor)', () => {
    // Before: the year came from an ISO date in a later meeting's notes (June 24, 2020), and
    // "Monday, March 2" was put in 2021, when it was a Tuesday.
    const minutes =
      '**12/15/2020**\n\nSee the notes of 2020-06-24.\n\n**2/25/2020**\n\nWe are on the agenda for the open meeting on Monday, March 2.\n';
    assert.deepEqual(findings(minutes), []);
    // A wrong weekday is still flagged, in the entry's year.
    assert.deepEqual(findings(minutes.replace('Monday', 'Tuesday')), [
      'GN020 “Tuesday, March 2” March 2, 2020 was a Monday, not a Tuesday (year from the date line “2/25/2020” above it)',
    ]);
    // Bold and italic around it; the year first.
    assert.deepEqual(findings(minutes.replace('**2/25/2020**', '**_2020/02/25_**')), []);
    // Month or day first is read from the lines that tell (15 is no month): where none tells,
    // no line is read, and the year comes from the dates before, as without date lines.
    assert.deepEqual(findings(minutes.replace('12/15/2020', '12/8/2020').replace('2/25/2020', '2/5/2020')), [
      'GN020 “Monday, March 2” March 2, 2021 was a Tuesday, not a Monday (year from the date “2020-06-24” before it)',
    ]);
    assert.deepEqual(findings(minutes.replace('12/15/2020', '15/12/2020').replace('2/25/2020', '25/2/2020')), []);
    // A date in words alone on its line dates its entry too, in a note dated later: a wrong
    // weekday is flagged in the entry's year, not the note's.
    const log = '**Feb 26, 2021**\n\nNext meeting on Tuesday, March 8.\n';
    assert.deepEqual(findings(log, { y: 2023, m: 1, d: 10 }), [
      'GN020 “Tuesday, March 8” March 8, 2021 was a Monday, not a Tuesday (year from the date line “Feb 26, 2021” above it)',
    ]);
    // Not a date among other words on its line, nor one that continues a line.
    assert.deepEqual(findings(log.replace('**Feb 26, 2021**', 'Notes of Feb 26, 2021'), { y: 2023, m: 1, d: 10 }), [
      'GN020 “Tuesday, March 8” March 8, 2023 was a Wednesday, not a Tuesday (year from the document date)',
    ]);
    assert.deepEqual(findings(minutes.replace('**2/25/2020**', 'Meeting of\n**2/25/2020**')), [
      'GN020 “Monday, March 2” March 2, 2021 was a Tuesday, not a Monday (year from the date line “12/15/2020” above it)',
    ]);
    // The entry ends at the next heading.
    assert.deepEqual(findings('**Feb 26, 2021**\n\nDone.\n\n## Plans\n\nWe ship on Tuesday, January 9.\n', { y: 2023, m: 1, d: 10 }), [
      'GN020 “Tuesday, January 9” January 9, 2023 was a Monday, not a Tuesday (year from the document date)',
    ]);
  });

  it('ISO dates with a weekday in brackets (textlint cases)', () => {
    assert.deepEqual(findings('2016-12-29(Thursday) and 2021-07-02 (Thursday) and Welcome to 2016-12-29(Fri)'), [
      'GN020 “2021-07-02 (Thursday)” July 2, 2021 was a Friday, not a Thursday',
      'GN020 “2016-12-29(Fri)” December 29, 2016 was a Thursday, not a Friday',
    ]);
  });
});

describe('dates in notes, through the service', () => {
  it('a labelled date line at the top is the note’s date (“Meeting Date/Time:”, “**Date:**”), not “Due date:”', async () => {
    // Before: the label hid the meeting's date, and the year came from a later date in the notes.
    const note = (label: string) =>
      `# All Core Devs Meeting 106\n### ${label} Friday, Feb 19th, 2021 14:00 UTC\n\nMainnet -\n14 Apr 2021\n\nThe call is planned on Friday 26th February.\n`;
    for (const label of ['Meeting Date/Time:', '**Date:**', 'Date of the meeting:'])
      assert.deepEqual(problemsOf(await fromFiles({ 'notes/acd.md': note(label) }), 'notes/acd.md', DATE_CODES), [], label);
    assert.deepEqual(problemsOf(await fromFiles({ 'notes/acd.md': note('Due date:') }), 'notes/acd.md', ['GN020']), [
      '7:24-7:45 GN020 February 26, 2022 was a Saturday, not a Friday (year from the date “14 Apr 2021” before it)',
    ]);
    // Year first with slashes is a date too (the line, or front matter as many blogs write it); 02/19/2021 is ambiguous.
    const slashed = note('Meeting Date/Time:').replace('Friday, Feb 19th, 2021', 'Friday 2021/02/19');
    assert.deepEqual(problemsOf(await fromFiles({ 'notes/acd.md': slashed }), 'notes/acd.md', DATE_CODES), []);
    const body = note('Meeting at').replace(/^.*\n.*\n/, '');
    const front = (date: string) => `---\ndate: ${date}\n---\n${body}`;
    assert.deepEqual(problemsOf(await fromFiles({ 'notes/acd.md': front('2021/02/19') }), 'notes/acd.md', DATE_CODES), []);
    assert.equal(problemsOf(await fromFiles({ 'notes/acd.md': front('02/19/2021') }), 'notes/acd.md', ['GN020']).length, 1);
  });

  it('a dated section ends at a heading the parser reads, not at a `#` line in a code block', async () => {
    // Before: the `## Plans` line in the fence ended the section under "Oct 17, 2023", and the
    // note's own date (December 19, 2023) put "Wednesday, October 18" in 2024.
    const note =
      '---\ndate: 2023-12-19\n---\n# Archive\n\n## Oct 17, 2023\n\n```sh\n## Plans\n```\n\nReleases scheduled for Wednesday, October 18.\n';
    assert.deepEqual(problemsOf(await fromFiles({ 'notes/log.md': note }), 'notes/log.md', DATE_CODES), []);
    // Out of the fence it is a heading: the section ends there, and the note's date counts again.
    const outside = note.replace('```sh\n## Plans\n```', '## Plans');
    assert.deepEqual(problemsOf(await fromFiles({ 'notes/log.md': outside }), 'notes/log.md', DATE_CODES), [
      "10:24-10:45 GN020 October 18, 2024 was a Friday, not a Wednesday (year from the note's date)",
    ]);
  });

  it('the example note flags GN020, GN021, GN022, GN024 and GN025 on its labelled lines only', async () => {
    const f = await fromFiles(exampleFiles());
    assert.deepEqual(
      problemsOf(f, 'notes/dates.md', DATE_CODES).map((p) => p.split(' ').slice(0, 2).join(' ')),
      ['15:48-15:69 GN020', '15:48-15:69 GN021', '16:52-16:63 GN022', '17:44-17:55 GN024', '18:75-18:98 GN025'],
    );
  });

  it('GN022 names the passage’s date and offers it as the fix', async () => {
    const f = await fromFiles(exampleFiles());
    const uri = `${ROOT}/notes/dates.md`;
    const [fix] = f.service.codeActions(uri, { start: { line: 15, character: 55 }, end: { line: 15, character: 55 } }, ['GN022']);
    assert.deepEqual(fix, {
      title: 'Change to December 9',
      isPreferred: true,
      edits: [{ uri, range: { start: { line: 15, character: 51 }, end: { line: 15, character: 62 } }, newText: 'December 9' }],
    });
  });

  it('hover on a date shows the absolute date, its weekday and the reference', async () => {
    const f = await fromFiles(exampleFiles());
    const h = f.service.hover(`${ROOT}/notes/dates.md`, { line: 9, character: 25 })!;
    assert.equal(
      h.contents,
      "**Thursday, December 9, 2021** — resolved against the note's date \\(December 10, " +
        '2021\\)\n\nEvidence: governing verb “reported” (past) · the weekday Thursday agrees',
    );
    const s = f.service.hover(`${ROOT}/sources/000_73692c68c32165cb.txt`, { line: 28, character: 60 })!;
    const hover =
      "**Friday, October 8, 2021** — resolved against source 000's title \\(December 7, 2021\\)\n\n" +
      'Evidence: governing verb “hoped” (past) · the weekday Wednesday disagrees: it was a Friday\n\n' +
      '⚠ October 8, 2021 was a Friday, not a Wednesday';
    assert.equal(s.contents.slice(0, hover.length), hover);
  });

  it('a citation of a flagged passage says so in its hover', async () => {
    const f = await fromFiles(exampleFiles());
    const h = f.service.hover(`${ROOT}/notes/dates.md`, { line: 17, character: 80 })!;
    assert.match(h.contents, /⚠ In this passage: October 8, 2021 was a Friday, not a Wednesday/);
  });
});

describe('npm run eval:dates', function () {
  this.timeout(60000);
  it('meets the precision and recall targets on every set', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval-dates.ts'], {
      cwd: new URL('../..', import.meta.url).pathname,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /all GN020: precision 1\.00, recall 1\.00/);
  });
});

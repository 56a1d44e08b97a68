/**
 * Seeded workspace generator for the benchmark. The same seed always yields the
 * same bytes, so figures from different machines and commits are comparable.
 *
 * A workspace holds N notes (about 3 KB, five citations each, in nested folders),
 * N/10 Markdown sources (about 10 KB, `## Section k` headings) with five named
 * anchors each, and one 20 KB note (`notes/edit-target.md`) that the edit-latency
 * test types into. The note count includes that note.
 *
 * Two renderings of the same model:
 * - `citations`: `[[s12#anchor]]` citations and `<stem>.anchors.yaml` files;
 * - `links`: the same references as Markdown links to headings
 *   (`[s12](../../sources/s12.md#section-3)`), the form remark-validate-links checks.
 *
 * Usage: node bench/generate.mjs <notes> <folder> [citations|links|real|paths] [--seed N]
 * (`real` and `paths`: the vault shapes of `vaults.mjs`.)
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePathShape, generateRealShape, mulberry32 } from './vaults.mjs';

// No month or weekday names and no tense markers such as "will": the only dates in
// the text are the ones placed on purpose.
const WORDS = `
  account action agency analysis archive article assembly audit balance bank basin
  board border bridge budget cabinet campaign canal capital cargo census chamber
  channel charter circuit citizen climate coalition coast committee community
  company council country court crop current custom debate decade deficit delegate
  district doctrine draft economy election energy engine estate evidence exchange
  factory farm federal figure finance fleet forest formula frontier fund garden
  grain harbor highway history household index industry inquiry island journal
  judge labor ledger legacy letter library licence market measure merchant method
  minister mission motion museum nation network office officer orbit outcome
  panel parish partner patent pension permit pipeline planner plant policy port
  poverty premium press price program project province public quarter railway
  ranch record reform region registry report reserve result revenue river route
  salary schedule school science season sector senate series service settlement
  signal station statute steel storage strategy street subsidy summit supply survey
  tariff tax teacher terminal territory testimony textile theory timber trade
  treaty tribunal tunnel union valley vessel village voter wage warehouse water
  welfare witness worker yield
  affected allowed approved argued assessed backed blocked briefed cited claimed
  counted covered cut delayed doubled drafted eased expanded favored filed funded
  halted held joined kept lifted linked listed lowered measured moved named noted
  opened opposed passed planned pressed raised ranked reached reduced rejected
  repaired reported revised ruled shaped shifted signed slowed split stated
  steadied stopped studied supported tested tightened traced traded tracked urged
  valued widened
  across after against along among around before behind beyond during inside near
  over since through toward under within without
  the the the a a of of of in in to to and and and for with on by as from at that
  this its their new old early late local rural urban northern southern eastern
  western central coastal public private modest large small steady sharp quiet
  formal informal
`
  .trim()
  .split(/\s+/);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Random helpers over one PRNG. */
function randomTools(seed) {
  const next = mulberry32(seed);
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => next() < p;
  const words = (n) => Array.from({ length: n }, () => pick(WORDS));
  const sentence = () => {
    const w = words(10 + int(7));
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    return w.join(' ') + '.';
  };
  return { int, pick, chance, words, sentence };
}

/** A full date between 2015 and 2021 with its true weekday. */
function randomDate(r) {
  const year = 2015 + r.int(7);
  const month = r.int(12);
  const day = 1 + r.int(28);
  const weekday = new Date(Date.UTC(year, month, day)).getUTCDay();
  return { year, month, day, weekday };
}

const SECTIONS_PER_SOURCE = 9;
const PARAGRAPHS_PER_SECTION = 3;
const SENTENCES_PER_PARAGRAPH = 4;
const ANCHORS_PER_SOURCE = 5;

/**
 * A source: its Markdown text, its blocks (as the language server numbers them:
 * blank-line separated, headings included) and five named anchors whose quotes
 * occur exactly once in the text.
 */
function makeSource(r, index) {
  const id = `s${index}`;
  const date = randomDate(r);
  const blocks = [`# Report ${id}: ${r.words(5).join(' ')}`, `${MONTHS[date.month]} ${date.day}, ${date.year}`];
  const prose = []; // { block, section, sentences }
  for (let s = 1; s <= SECTIONS_PER_SOURCE; s++) {
    blocks.push(`## Section ${s}`);
    for (let p = 0; p < PARAGRAPHS_PER_SECTION; p++) {
      const sentences = Array.from({ length: SENTENCES_PER_PARAGRAPH }, () => r.sentence());
      prose.push({ block: blocks.length + 1, section: s, sentences });
      blocks.push(sentences.join(' '));
    }
  }
  const text = blocks.join('\n\n') + '\n';
  const anchors = [];
  while (anchors.length < ANCHORS_PER_SOURCE) {
    const para = r.pick(prose);
    const words = r.pick(para.sentences).replace(/\.$/, '').split(' ');
    const quote = words.slice(0, 7 + r.int(4)).join(' ');
    const name = `${words[1]}-${words[2]}-${anchors.length + 1}`.toLowerCase();
    if (text.indexOf(quote) !== text.lastIndexOf(quote) || anchors.some((a) => a.quote === quote)) continue;
    anchors.push({ name, quote, section: para.section });
  }
  return { id, text, prose, anchors };
}

function anchorFile(source) {
  const lines = [`# Named anchors of source ${source.id}.`];
  for (const a of source.anchors) lines.push(`${a.name}: ${a.quote}`);
  return lines.join('\n') + '\n';
}

/** A few words of `text` starting at a random word, for a quotation. */
function excerpt(r, text) {
  const words = text.replace(/\.$/, '').split(' ');
  const length = 4 + r.int(4);
  const start = r.int(Math.max(1, words.length - length));
  return words.slice(start, start + length);
}

/**
 * One reference of a note to a source: what it points at, whether it is broken on
 * purpose, and an optional quotation from the passage (sometimes misquoted).
 */
function makeReference(r, sources) {
  const source = r.pick(sources);
  if (r.chance(0.05)) {
    return r.chance(0.5)
      ? { source, broken: 'source', kind: 'none' }
      : { source, broken: 'anchor', kind: 'named', name: `missing-${r.words(1)[0]}` };
  }
  const roll = r.int(100);
  let ref;
  if (roll < 40) {
    const anchor = r.pick(source.anchors);
    ref = { source, kind: 'named', name: anchor.name, section: anchor.section, passage: anchor.quote };
  } else if (roll < 65) {
    ref = { source, kind: 'heading', section: 1 + r.int(SECTIONS_PER_SOURCE) };
  } else if (roll < 85) {
    const para = r.pick(source.prose);
    ref = { source, kind: 'paragraph', block: para.block, section: para.section, passage: para.sentences.join(' ') };
  } else {
    ref = { source, kind: 'none' };
  }
  if (ref.passage && r.chance(0.5)) {
    const words = excerpt(r, ref.passage);
    // A misquote changes one word: the rule must find the closest wording.
    if (r.chance(0.1)) words[r.int(words.length)] = 'invented';
    ref.quote = words.join(' ');
  }
  return ref;
}

function renderCitation(ref) {
  const id = ref.broken === 'source' ? `x${ref.source.id}` : ref.source.id;
  if (ref.kind === 'named') return `[[${id}#${ref.name}]]`;
  if (ref.kind === 'heading') return `[[${id}#section-${ref.section}]]`;
  if (ref.kind === 'paragraph') return `[[${id}#p${ref.block}]]`;
  return `[[${id}]]`;
}

/** The same reference as a Markdown link to the heading that holds the passage. */
function renderLink(ref, notePath) {
  const file = `sources/${ref.broken === 'source' ? 'x' : ''}${ref.source.id}.md`;
  const target = posix.relative(posix.dirname(notePath), file);
  if (ref.broken === 'anchor') return `[${ref.source.id}](${target}#section-${SECTIONS_PER_SOURCE + 1})`;
  if (ref.kind === 'none') return `[${ref.source.id}](${target})`;
  return `[${ref.source.id}](${target}#section-${ref.section})`;
}

function dateSentence(r) {
  const d = randomDate(r);
  // About one date in ten names the wrong weekday.
  const weekday = r.chance(0.1) ? (d.weekday + 1 + r.int(6)) % 7 : d.weekday;
  return `On ${WEEKDAYS[weekday]}, ${MONTHS[d.month]} ${d.day}, ${d.year}, the ${r.words(8).join(' ')}.`;
}

/**
 * A note as paragraphs of sentences, where some sentences carry a reference (and
 * maybe a quotation from its passage) and some carry a date. Rendering is deferred
 * so both workspace styles share the exact same prose.
 */
function makeNote(r, sources, paragraphCount, referenceCount) {
  const paragraphs = Array.from({ length: paragraphCount }, () => Array.from({ length: 5 }, () => ({ text: r.sentence() })));
  // Every reference and date takes a sentence of its own, so none overwrites another.
  const free = paragraphs.flatMap((sentences, p) => sentences.map((_, s) => [p, s]));
  const takeSlot = () => free.splice(r.int(free.length), 1)[0];
  for (let i = 0; i < referenceCount; i++) {
    const ref = makeReference(r, sources);
    const lead = r.words(6 + r.int(5)).join(' ');
    const [p, s] = takeSlot();
    paragraphs[p][s] = { lead: lead[0].toUpperCase() + lead.slice(1), ref };
  }
  for (let i = 0; i < Math.ceil(paragraphCount / 2); i++) {
    const [p, s] = takeSlot();
    paragraphs[p][s] = { text: dateSentence(r) };
  }
  const year = 2022 + r.int(2);
  return { title: r.words(4).join(' '), date: `${year}-0${1 + r.int(9)}-1${r.int(10)}`, paragraphs };
}

function renderNote(note, render) {
  const body = note.paragraphs.map((sentences) =>
    sentences
      .map((s) => {
        if (!s.ref) return s.text;
        const quote = s.ref.quote ? ` and wrote that "${s.ref.quote}"` : '';
        return `${s.lead}${quote} ${render(s.ref)}.`;
      })
      .join(' '),
  );
  return `---\ntitle: ${note.title}\ndate: ${note.date}\n---\n# ${note.title}\n\n${body.join('\n\n')}\n`;
}

/** Where note `i` lives: a vault of areas and topics, 10 × 10 folders at most. */
function notePath(i, total) {
  const perFolder = Math.max(1, Math.ceil(total / 100));
  const folder = Math.floor(i / perFolder);
  return `notes/area-${Math.floor(folder / 10)}/topic-${folder % 10}/note-${String(i).padStart(5, '0')}.md`;
}

export const EDIT_NOTE = 'notes/edit-target.md';

/**
 * Writes a workspace of `notes` notes into `folder` (emptied first) and returns the
 * relative paths of its notes, the number of sources and of references broken on purpose.
 * @param {{ notes: number, folder: string, style?: 'citations' | 'links', seed?: number }} options
 */
export function generateWorkspace({ notes, folder, style = 'citations', seed = 1 }) {
  const r = randomTools(seed);
  rmSync(folder, { recursive: true, force: true });
  const write = (rel, text) => {
    mkdirSync(dirname(join(folder, rel)), { recursive: true });
    writeFileSync(join(folder, rel), text);
  };
  const sources = Array.from({ length: Math.max(1, Math.round(notes / 10)) }, (_, i) => makeSource(r, i + 1));
  for (const source of sources) {
    write(`sources/${source.id}.md`, source.text);
    if (style === 'citations') write(`sources/${source.id}.anchors.yaml`, anchorFile(source));
  }
  const paths = [];
  let brokenReferences = 0;
  const emit = (path, note) => {
    brokenReferences += note.paragraphs.flat().filter((s) => s.ref?.broken).length;
    const render = style === 'citations' ? renderCitation : (ref) => renderLink(ref, path);
    write(path, renderNote(note, render));
    paths.push(path);
  };
  // The edit target: about 20 KB, with as many citations per kilobyte as any note.
  emit(EDIT_NOTE, makeNote(r, sources, 42, 35));
  for (let i = 1; i < notes; i++) emit(notePath(i, notes), makeNote(r, sources, 6, 5));
  return { folder, notes: paths, sources: sources.length, brokenReferences };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [count, folder, style = 'citations'] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--seed');
  const seedAt = process.argv.indexOf('--seed');
  if (!count || !folder || !['citations', 'links', 'real', 'paths'].includes(style)) {
    process.stderr.write('usage: node bench/generate.mjs <notes> <folder> [citations|links|real|paths] [--seed N]\n');
    process.exit(2);
  }
  const seed = seedAt > 0 ? Number(process.argv[seedAt + 1]) : 1;
  const options = { notes: Number(count), folder, seed };
  const made =
    style === 'real'
      ? generateRealShape(options)
      : style === 'paths'
        ? generatePathShape(options)
        : generateWorkspace({ ...options, style });
  process.stdout.write(`${made.notes.length} notes, ${made.sources} sources in ${folder}\n`);
}

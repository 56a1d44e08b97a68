/**
 * Seeded generators for the two vault shapes measured on real public vaults (no
 * sources, links between notes only):
 *
 * - `real`: a Logseq-style graph. N notes of about 5 KB in `pages/`, almost all `- `
 *   list items of long prose lines (some nested), about 19 `[[page]]` links per note,
 *   page names of 1–3 lower-case English words, about 11 % of links to pages that do
 *   not exist, nearly all of those names distinct. 10,000 notes are about 50 MB with
 *   about 190,000 links.
 * - `paths`: an Obsidian vault that links by long vault-relative paths with an alias
 *   (`[[01 - Community/People/Ada Brook|Ada Brook]]`): N notes of about 2.3 KB in
 *   numbered top folders, headings, paragraphs and lists. 6,500 notes are about 15 MB.
 *
 * The same seed always yields the same bytes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A small, fast PRNG with a 32-bit state (mulberry32). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Common English words; page names are drawn from them, so names are as close to
// each other as real page names are ("garden", "gardens", "garden design").
const NAME_WORDS = `
  ability access account action activity actor address advice agent air album algebra
  animal answer apple approach archive area argument army art article artist aspect
  attention audience author autumn baby balance ball band bank base basket battle
  beach bean bear beauty bed bee beer bell bird birth blood board boat body bone book
  border bottle box brain branch bread bridge brother budget building bus business
  butter cabin cable cake camera camp canal candle capital car card care career cat
  cell chain chair chance change channel chapter character cheese chemistry chess
  child choice church circle city class climate clock cloud club coach coast code
  coffee colour comedy comment committee community company concept concert context
  contract cookie corn cost cotton council country couple course court cousin cover
  craft cream credit crime crisis culture cup currency customer cycle dance data
  death debate debt decision degree design desk detail device diet dinner direction
  disease distance doctor document dog door drama drawing dream dress drink driver
  earth economy editor education effect egg election energy engine error essay event
  evidence exam example exercise experience expert face fact factory failure family
  farm fashion father fear feature feedback field film finance fire fish flight floor
  flower focus food football forest form format fortune frame freedom friend fruit
  fuel function future game garden gas gate gene gift girl glass goal gold government
  grade grammar grass group growth guest guide guitar habit hair hall hand harbour
  health heart heat height highway history hobby holiday home honey horse hospital
  hotel house housing idea image impact income industry inflation insect insurance
  interest internet interview investment island issue job journal journey judge juice
  key kitchen knowledge lab lake land language law layer leader league learning lecture
  lesson letter library life light limit line link list literature loan logic love
  machine magazine magic management map market marriage math meal meaning meat media
  medicine meeting memory menu message metal method milk mind mirror model moment money
  month moon morning mother motor mountain mouse movie music name nation nature network
  news night noise north note novel number nurse ocean office oil opinion orange order
  organ oven owner page painting paper parent park party passion patient pattern payment
  peace pen people pepper person phone photo physics piano picture pie pilot pipe plan
  plane planet plant plastic plate player poem poetry point police policy politics pool
  population port poverty power practice presence president pressure price priest
  printer problem process product profit program project property protein psychology
  quality queen question radio rain range rate reading reality reason recipe record
  region relation religion report research resource restaurant review revolution rice
  river road rock role room rule safety salad salt sample sand school science screen
  sea season secret security seed sense series service session shape sheep shelf ship
  shirt shop signal silver singer sister skill skin sleep society software soil song
  sound soup source south space speaker speech sport spring square staff stage star
  statement station steel stone storage store storm story strategy stream street
  strength student studio study style success sugar summer sun supply surgery system
  table tale task tax tea teacher team technology television temple tennis tension test
  text theatre theory thought ticket time tool tooth topic tourism tower town toy trade
  tradition traffic train training travel tree trial trip truth tunnel union unit
  university user valley value variety vehicle version video village virus vision voice
  volume war water wave wealth weather wedding week weight west wheel width wind window
  wine winter wisdom woman wood word work worker world writer writing yard year youth
  zone ancient basic better black blue brief broad central cheap classic clean clear
  close cold common cool daily dark deep digital early easy eastern empty fair fast
  final fine first free fresh full general global golden good great green happy hard
  heavy hidden high hot human ideal inner key large late local long lost low main major
  minor modern natural new north open outer personal plain poor private public quick
  quiet rapid raw real red rich rough round royal rural safe second secret sharp short
  silent simple single slow small smart social soft solid southern special square
  strong sweet tall thin total tiny true urban useful vast visual warm weak western
  white whole wide wild wise young
`
  .trim()
  .split(/\s+/);

// Prose filler: no month or weekday names, so no dates but the ones placed on purpose.
const PROSE_WORDS = `
  the the the a a an of of of in in to to and and and for with on by as from at that
  this its their which when where while because although however also often rarely
  usually seems appears suggests shows explains describes argues notes mentions keeps
  makes takes gives finds leaves brings holds turns moves starts ends builds changes
  helps allows needs wants tries uses reads writes thinks feels knows learns remembers
  important useful simple hard easy clear strange familiar obvious subtle small large
  old new early late long short whole part kind way thing idea point reason question
  example case fact view sense rest side end place time day people person group world
  life work system problem answer result detail story reading note thought pattern
  more less most least much many few some any every each other same different
  very quite rather almost nearly simply really still already again together instead
`
  .trim()
  .split(/\s+/);

function randomTools(seed) {
  const next = mulberry32(seed);
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

function prose(r, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(r.pick(PROSE_WORDS));
  return out.join(' ');
}

/** A name of 1–3 lower-case words (a third of each). */
function pageName(r) {
  const n = 1 + r.int(3);
  const w = [];
  for (let i = 0; i < n; i++) w.push(r.pick(NAME_WORDS));
  return w.join(' ');
}

/** `count` distinct names not in `taken` (which is extended with them). */
function distinctNames(r, count, taken, make) {
  const out = [];
  while (out.length < count) {
    const name = make(r);
    if (taken.has(name)) continue;
    taken.add(name);
    out.push(name);
  }
  return out;
}

function writer(folder) {
  rmSync(folder, { recursive: true, force: true });
  return (rel, text) => {
    mkdirSync(dirname(join(folder, rel)), { recursive: true });
    writeFileSync(join(folder, rel), text);
  };
}

const REAL_NOTE_BYTES = 5000;
const REAL_LINKS_PER_NOTE = 19;
const REAL_MISSING_SHARE = 0.11;

/**
 * The real vault shape (see the file comment). Returns the notes' relative paths and
 * how many links point at pages that do not exist.
 */
export function generateRealShape({ notes, folder, seed = 1 }) {
  const r = randomTools(seed);
  const write = writer(folder);
  const taken = new Set();
  const names = distinctNames(r, notes, taken, pageName);
  // Popular pages are linked far more often than the rest: a rough power law.
  const popular = () => names[Math.floor(names.length * r.next() ** 3)];
  const paths = [];
  const missing = [];
  let missingLinks = 0;
  for (const name of names) {
    const links = REAL_LINKS_PER_NOTE - 9 + r.int(19);
    const lines = [];
    let bytes = 0;
    let placed = 0;
    let depth = 0;
    while (bytes < REAL_NOTE_BYTES - 200 || placed < links) {
      // A child is one level under the item before it (an indented first line would be code).
      depth = lines.length > 0 && r.chance(0.25) ? Math.min(depth + 1, 1 + r.int(2)) : 0;
      let line = `${'\t'.repeat(depth)}- ${prose(r, 12 + r.int(10))}`;
      // Spread the links over the lines, one or two where they fall.
      const here = placed < links ? Math.min(links - placed, r.chance(0.5) ? 2 : 1) : 0;
      for (let k = 0; k < here; k++) {
        let target;
        if (r.chance(REAL_MISSING_SHARE)) {
          // Nearly all missing names are distinct: one in twenty repeats an earlier one.
          target = missing.length > 0 && r.chance(0.05) ? r.pick(missing) : distinctNames(r, 1, taken, pageName)[0];
          missing.push(target);
          missingLinks++;
        } else target = popular();
        const link = r.chance(0.05) ? `[[${target}|${prose(r, 2)}]]` : `[[${target}]]`;
        line += ` ${link} ${prose(r, 6 + r.int(10))}`;
      }
      placed += here;
      if (r.chance(0.02)) line += ` on 2021-0${1 + r.int(9)}-1${r.int(10)}`;
      line += '.';
      lines.push(line);
      bytes += line.length + 1;
    }
    const rel = `pages/${name}.md`;
    write(rel, lines.join('\n') + '\n');
    paths.push(rel);
  }
  return { folder, notes: paths, sources: 0, brokenReferences: missingLinks };
}

// ---- the path-link shape -------------------------------------------------------------

const TOP_FOLDERS = [
  ['01 - Community', ['People', 'Organisations', 'Events', 'Discord']],
  ['02 - Community Expansions', ['02.01 Plugins by Category', 'Plugins', 'Themes', 'Snippets']],
  ['03 - Showcases & Templates', ['Vaults', 'Templates', 'Workflows']],
  ['04 - Guides, Workflows, & Courses', ['Guides', 'for Plugin Developers', 'Courses']],
  ['05 - Concepts', ['']],
];

function titleWord(r) {
  const w = r.pick(NAME_WORDS);
  return w[0].toUpperCase() + w.slice(1);
}

function titleName(r) {
  const n = 1 + r.int(4);
  return Array.from({ length: n }, () => titleWord(r)).join(' ');
}

const PATH_NOTE_BYTES = 2000;

/** The path-link vault shape (see the file comment). */
export function generatePathShape({ notes, folder, seed = 1 }) {
  const r = randomTools(seed);
  const write = writer(folder);
  const taken = new Set();
  const entries = distinctNames(r, notes, taken, titleName).map((name) => {
    const [top, subs] = r.pick(TOP_FOLDERS);
    const sub = r.pick(subs);
    return { name, dir: sub ? `${top}/${sub}` : top };
  });
  const paths = [];
  let missingLinks = 0;
  for (const entry of entries) {
    const lines = ['---', `aliases: []`, `tags: [${r.pick(NAME_WORDS)}]`, '---', '', `# ${entry.name}`, ''];
    let bytes = lines.join('\n').length;
    let section = 0;
    while (bytes < PATH_NOTE_BYTES) {
      let block;
      if (r.chance(0.15)) block = `## ${titleName(r)} ${++section}`;
      else if (r.chance(0.4)) {
        const items = [];
        for (let i = 0; i < 2 + r.int(4); i++) {
          let target;
          if (r.chance(0.05)) {
            target = { name: distinctNames(r, 1, taken, titleName)[0], dir: r.pick(entries).dir };
            missingLinks++;
          } else target = r.pick(entries);
          const link = r.chance(0.85) ? `[[${target.dir}/${target.name}|${target.name}]]` : `[[${target.name}]]`;
          items.push(`- ${link}: ${prose(r, 4 + r.int(8))}`);
        }
        block = items.join('\n');
      } else block = prose(r, 20 + r.int(30)) + '.';
      lines.push(block, '');
      bytes += block.length + 2;
    }
    lines.push(
      "%% Hub footer: Please don't edit anything below this line %%",
      '',
      `This note in [GitHub](https://example.org/${encodeURIComponent(entry.name)}.md)`,
    );
    const rel = `${entry.dir}/${entry.name}.md`;
    write(rel, lines.join('\n') + '\n');
    paths.push(rel);
  }
  return { folder, notes: paths, sources: 0, brokenReferences: missingLinks };
}

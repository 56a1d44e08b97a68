// Readers for real dated text kept outside the repository (never committed): TimeML
// (TempEval-3 TimeBank/AQUAINT/platinum, `.tml`), NewsReader MEANTIME (token XML) and
// announcement-style documents (Markdown with a `date:` in front matter, or text with
// a date line). Each becomes a `RealDoc`: the text a user would keep as a source (a
// date line, the title, the body) with gold dates at offsets into that text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { findFullDate } from '../../server/src/core/parse/docDate.js';

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  /** TIMEX3 type (DATE, TIME, DURATION, SET). */
  type: string;
  /** TIMEX3 value ("2013-03-22", "1998-W02", "XXXX-10-19", …). */
  value: string;
}

export interface RealDoc {
  id: string;
  /** The document creation / publication date, ISO. */
  dct: string;
  /** The text as a source file: date line, title, body. */
  text: string;
  /** Where the body starts in `text` (the date line and title are not measured). */
  bodyStart: number;
  gold: GoldTimex[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 22, 2013": how a date line is written at the top of a source. */
export function dateLine(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[m! - 1]} ${d}, ${y}`;
}

function files(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (keep(p)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Text of an XML fragment with tags removed and entities decoded, and the TIMEX3s in it. */
function stripTimeml(xml: string): { text: string; timexes: GoldTimex[] } {
  let text = '';
  const timexes: GoldTimex[] = [];
  const open: { start: number; type: string; value: string }[] = [];
  const re = /<(\/?)([A-Za-z0-9_]+)([^>]*)>|&(amp|lt|gt|quot|apos);|([^<&]+|&)/g;
  for (const m of xml.matchAll(re)) {
    if (m[5] !== undefined) text += m[5];
    else if (m[4]) text += ENTITIES[m[4]];
    else if (m[2] === 'TIMEX3' && !m[1])
      open.push({ start: text.length, type: attr(m[3]!, 'type') ?? '', value: attr(m[3]!, 'value') ?? '' });
    else if (m[2] === 'TIMEX3' && m[1]) {
      const t = open.pop();
      if (t) timexes.push({ start: t.start, end: text.length, text: text.slice(t.start, text.length), type: t.type, value: t.value });
    }
  }
  return { text, timexes };
}

/**
 * The corpora's tokenisers wrote quotation marks as `` and '' (Penn Treebank style); the
 * writers wrote “ and ”. Same length, so offsets stay; in Markdown `` would open code.
 */
function quotes(text: string): string {
  return text.replace(/``/g, '“\u200b').replace(/''/g, '”\u200b');
}

function assemble(id: string, dct: string, title: string | undefined, rawBody: string, timexes: GoldTimex[]): RealDoc {
  const body = quotes(rawBody);
  const head = `${dateLine(dct)}\n\n${title ? `${quotes(title).trim()}\n\n` : ''}`;
  const trimmed = body.replace(/^\s+/, '');
  const shift = head.length - (body.length - trimmed.length);
  return {
    id,
    dct,
    text: head + trimmed.replace(/\s+$/, '') + '\n',
    bodyStart: head.length,
    gold: timexes.map((t) => ({ ...t, start: t.start + shift, end: t.end + shift })).filter((t) => t.start >= head.length),
  };
}

/** A TimeML document: DCT from the CREATION_TIME TIMEX3, the TITLE, the TEXT. */
export function readTimemlFile(path: string, id: string): RealDoc | undefined {
  const xml = readFileSync(path, 'utf8');
  const dct = /<DCT>[\s\S]*?value="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1];
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1];
  if (!dct || body === undefined) return undefined;
  const titleXml = /<TITLE>([\s\S]*?)<\/TITLE>/.exec(xml)?.[1];
  const title = titleXml ? stripTimeml(titleXml).text.replace(/\s+/g, ' ') : undefined;
  const { text, timexes } = stripTimeml(body);
  return assemble(id, dct, title, text, timexes);
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?)\]}%]|'s|'|n't|'re|'ve|'ll|'d|'m|''|”|’)$/i;
const NO_SPACE_AFTER = /^(?:[([{$]|``|“|‘)$/;

/** A MEANTIME document: tokens joined back into text (sentence 0 is the title, 1 the date line). */
export function readMeantimeFile(path: string, id: string): RealDoc | undefined {
  const xml = readFileSync(path, 'utf8');
  const tokens = [...xml.matchAll(/<token [^>]*?sentence="(\d+)"[^>]*?t_id="(\d+)"[^>]*>([^<]*)<\/token>/g)].map((m) => ({
    sentence: Number(m[1]),
    id: m[2]!,
    text: m[3]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!),
  }));
  const dct =
    /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1] ??
    /<TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})"[^>]*functionInDocument="CREATION_TIME"/.exec(xml)?.[1];
  if (!dct || tokens.length === 0) return undefined;
  const at = new Map<string, { start: number; end: number }>();
  let title = '';
  let body = '';
  let sentence = -1;
  let quoteOpen = false;
  for (const t of tokens) {
    const into = t.sentence === 0 ? 'title' : 'body';
    let cur = into === 'title' ? title : body;
    if (t.sentence !== sentence) {
      // The date line (sentence 1) and the first body sentence start paragraphs.
      if (into === 'body' && cur.length > 0) cur += t.sentence <= 2 ? '\n\n' : ' ';
      sentence = t.sentence;
    } else if (cur.length > 0) {
      const last = cur[cur.length - 1]!;
      const isQuote = t.text === '"';
      const glue =
        NO_SPACE_BEFORE.test(t.text) || NO_SPACE_AFTER.test(last) || (isQuote && quoteOpen) || (last === '"' && quoteOpen && !isQuote);
      if (!glue && !/\s$/.test(cur)) cur += ' ';
    }
    if (t.text === '"') quoteOpen = !quoteOpen;
    const start = cur.length;
    cur += t.text;
    at.set(t.id, { start, end: cur.length });
    if (into === 'title') title = cur;
    else body = cur;
  }
  // Body offsets only: the title is rebuilt by `assemble`.
  const timexes: GoldTimex[] = [];
  for (const m of xml.matchAll(/<TIMEX3 ([^>]*)>([\s\S]*?)<\/TIMEX3>/g)) {
    if (attr(m[1]!, 'functionInDocument') === 'CREATION_TIME') continue;
    const ids = [...m[2]!.matchAll(/t_id="(\d+)"/g)].map((x) => x[1]!);
    const spans = ids.map((i) => at.get(i)).filter((s): s is { start: number; end: number } => !!s);
    const inBody = ids.every((i) => tokens.find((t) => t.id === i)?.sentence !== 0);
    if (spans.length === 0 || !inBody) continue;
    const start = Math.min(...spans.map((s) => s.start));
    const end = Math.max(...spans.map((s) => s.end));
    timexes.push({ start, end, text: body.slice(start, end), type: attr(m[1]!, 'type') ?? '', value: attr(m[1]!, 'value') ?? '' });
  }
  // MEANTIME's second sentence is the article's own date line; the source keeps it as written.
  const doc = assemble(id, dct, title, body, timexes);
  return doc;
}

/** Every TimeML (`.tml`) and MEANTIME (`.xml` with tokens) document under `dir`. */
export function readTimemlDir(dir: string): RealDoc[] {
  const out: RealDoc[] = [];
  // A document may be stored twice (TBAQ-cleaned's `testpipeline/` repeats one): count it once.
  const seen = new Set<string>();
  for (const p of files(dir, (f) => /\.(tml|xml)$/i.test(f))) {
    const id = relative(dir, p);
    const name = basename(p);
    if (seen.has(name)) continue;
    seen.add(name);
    const head = readFileSync(p, 'utf8').slice(0, 400);
    const doc = /<TimeML/.test(head) ? readTimemlFile(p, id) : /<Document /.test(head) ? readMeantimeFile(p, id) : undefined;
    if (doc) out.push(doc);
  }
  return out;
}

/**
 * Announcement-style documents: Markdown with front matter holding `date:` (and maybe
 * `title:`), or text whose first lines hold a date line. No gold: the authors' own
 * weekday+date pairs are the measure.
 */
export function readAnnouncementsDir(dir: string): RealDoc[] {
  const out: RealDoc[] = [];
  for (const p of files(dir, (f) => /\.(md|txt)$/i.test(f))) {
    const raw = readFileSync(p, 'utf8').replace(/\r\n/g, '\n');
    const fm = /^---\n([\s\S]*?)\n---[ \t]*\n/.exec(raw);
    if (fm) {
      const date = /^date:\s*['"]?(\d{4}-\d{2}-\d{2})/m.exec(fm[1]!)?.[1];
      if (!date) continue;
      const title = /^title:\s*(.*)$/m
        .exec(fm[1]!)?.[1]
        ?.replace(/^["']|["']$/g, '')
        .replace(/\\_/g, ' ')
        .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      out.push(assemble(relative(dir, p), date, title, raw.slice(fm[0].length), []));
      continue;
    }
    // A press release as text: its date line is among its first lines (after the site's navigation), else in its file name.
    const date = publicationDate(raw, basename(p));
    if (date) out.push(assemble(relative(dir, p), date, undefined, raw, []));
  }
  return out;
}

/**
 * A release's own date: the first complete date within three lines after "For Immediate
 * Release" (a page's "Published" date can be a site migration), else a `2014_11_13` or
 * `20230216` prefix of its file name, else a line of its first 30 that starts with a
 * complete date ("October 15, 2018 Contact: …", "Admin | August 29, 2024"). A text with
 * none of these has no publication date and is left out.
 */
function publicationDate(raw: string, name: string): string | undefined {
  const lines = raw.split('\n', 30);
  const release = lines.findIndex((l) => /for immediate release/i.test(l));
  const near = release >= 0 ? findFullDate(lines.slice(release, release + 4).join('\n')) : undefined;
  if (near) return near.iso;
  const m = /^(\d{4})[_-]?(\d{2})[_-]?(\d{2})(?!\d)/.exec(name);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  for (const line of lines) {
    const found = findFullDate(line);
    if (found && /^[\s\W]*(?:[A-Z][a-z]+\s*\|\s*)?$/.test(line.slice(0, found.start))) return found.iso;
  }
  return undefined;
}

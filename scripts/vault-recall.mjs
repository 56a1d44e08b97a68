// Recall on real vaults: copies each vault, breaks K working links of each form
// in the copy (a note renamed to a name that does not exist, a heading typo, a
// block id typo, a missing attachment, a Markdown link to a missing file, …),
// checks the copy with the built command line and counts how many of the
// planted links are reported (a report on the planted link's span, any code).
// The judge (scripts/vault-oracle.mjs) confirms each planted link is broken in
// the vault's own tool and that it worked before.
//
// Usage: npm run build && node scripts/vault-recall.mjs [--per-kind K] [--seed S] [--out DIR] [--json] DIR[=convention] …
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Vault, judgeLink } from './vault-oracle.mjs';
import { isExternal, splitDest } from './vault-scan.mjs';
import { mulberry32 } from '../bench/vaults.mjs';

const root = join(import.meta.dirname, '..');
const MARK = 'zq';

function parseArgs(argv) {
  const o = { perKind: 10, seed: 1, out: '/tmp/grounded-notes-recall', json: false, cli: join(root, 'dist', 'cli.js'), dirs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--per-kind') o.perKind = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--out') o.out = argv[++i];
    else if (a === '--json') o.json = true;
    else if (a === '--cli') o.cli = argv[++i];
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else {
      const eq = a.lastIndexOf('=');
      o.dirs.push(eq > 0 ? { dir: a.slice(0, eq), convention: a.slice(eq + 1) } : { dir: a });
    }
  }
  if (o.dirs.length === 0) throw new Error('usage: node scripts/vault-recall.mjs [--per-kind K] [--seed S] [--out DIR] DIR[=convention] …');
  return o;
}

// ---------------------------------------------------------------- how to break a link

/** The form of a working link and the edit that breaks it: { kind, from, to } (offsets within link.raw), or undefined. */
function breakage(vault, file, link, j) {
  const raw = link.raw;
  if (link.kind === 'md' || link.kind === 'refdef') return breakMarkdown(vault, link, j);
  if (vault.convention === 'logseq') return undefined;
  const inner = raw.slice(raw.indexOf('[[') + 2, -2);
  const at = raw.indexOf('[[') + 2;
  let target = inner;
  if (vault.convention === 'dendron') {
    const bar = inner.lastIndexOf('|');
    target = bar < 0 ? inner : inner.slice(bar + 1);
  } else {
    const bar = inner.indexOf('|');
    target = bar < 0 ? inner : inner.slice(0, bar);
    if (target.endsWith('\\')) target = target.slice(0, -1);
  }
  const tStart = at + inner.indexOf(target);
  const hash = target.indexOf('#');
  const name = hash < 0 ? target : target.slice(0, hash);
  const fragment = hash < 0 ? '' : target.slice(hash + 1);
  // A fragment of an attachment (`x.svg#icon`, `x.pdf#page=3`, `x.base#view`) is not checked by the tools.
  if (fragment && !(j.target && /\.md$/i.test(j.target))) return undefined;
  if (fragment.startsWith('^') && !/[:,]/.test(fragment)) {
    const end = tStart + target.length;
    return { kind: name.trim() ? 'block ref' : 'same-note block ref', at: end, insert: MARK };
  }
  if (fragment && !fragment.includes('^') && !/[:,*]/.test(fragment)) {
    const end = tStart + target.length;
    return {
      kind: name.trim() ? 'heading' : 'same-note heading',
      at: end,
      insert: vault.convention === 'dendron' ? `-${MARK}` : ` ${MARK}`,
    };
  }
  if (fragment && /[:,]/.test(fragment) && vault.convention === 'dendron') {
    return { kind: 'note-ref range', at: tStart + hash + 1 + fragment.search(/[:,]/), insert: MARK };
  }
  if (!name.trim() || name.includes('*') || !j.target || j.target.endsWith('/')) return undefined;
  const isNote = /\.md$/i.test(j.target);
  const dot = isNote ? -1 : name.lastIndexOf('.');
  const at2 = tStart + (dot > 0 ? dot : name.trimEnd().length);
  const kind = !isNote
    ? link.kind === 'embed'
      ? 'attachment embed'
      : 'attachment link'
    : name.includes('/')
      ? 'note by folder path'
      : link.kind === 'embed'
        ? 'note embed'
        : 'note';
  return { kind, at: at2, insert: `-${MARK}` };
}

function breakMarkdown(vault, link, j) {
  const dest = link.dest.trim();
  if (dest === '' || isExternal(dest) || /^\[\[|^\(\(/.test(dest)) return undefined;
  const destAt = link.raw.lastIndexOf(link.dest);
  const { path, fragment } = splitDest(dest);
  const hash = dest.indexOf('#');
  if (fragment && !fragment.startsWith('^') && j.target && /\.md$/i.test(j.target)) {
    const end = destAt + dest.length - (dest.endsWith('>') ? 1 : 0);
    return { kind: path ? 'Markdown link heading' : 'Markdown same-note heading', at: end, insert: `-${MARK}` };
  }
  if (!path || !j.target || j.target.endsWith('/')) return undefined;
  const plain = hash < 0 ? dest : dest.slice(0, hash);
  const dot = plain.lastIndexOf('.');
  const slash = plain.lastIndexOf('/');
  const at = destAt + (dest.startsWith('<') ? 0 : 0) + (dot > slash ? dot : plain.replace(/>$/, '').length);
  return { kind: /\.md$/i.test(j.target) ? 'Markdown link to a note' : 'Markdown link to an attachment', at, insert: `-${MARK}` };
}

// ---------------------------------------------------------------- planting

function candidates(vault) {
  const out = [];
  for (const f of vault.notes) {
    for (const link of vault.note(f).links) {
      const j = judgeLink(vault, f, link);
      if (j.status !== 'ok') continue;
      const b = breakage(vault, f, link, j);
      if (b) out.push({ file: f, link, ...b });
    }
  }
  return out;
}

function choose(cands, perKind, rnd) {
  const byKind = new Map();
  for (const c of cands) {
    if (!byKind.has(c.kind)) byKind.set(c.kind, []);
    byKind.get(c.kind).push(c);
  }
  const chosen = [];
  for (const list of byKind.values()) {
    const pool = [...list];
    for (let i = 0; i < perKind && pool.length > 0; i++) chosen.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]);
  }
  return chosen;
}

/** Writes the copy with the chosen links broken; returns each plant with its span in the copy. */
function plant(src, dest, chosen) {
  rmSync(dest, { recursive: true, force: true });
  cpSync(src, dest, { recursive: true });
  const byFile = new Map();
  for (const c of chosen) {
    if (!byFile.has(c.file)) byFile.set(c.file, []);
    byFile.get(c.file).push(c);
  }
  const planted = [];
  for (const [file, list] of byFile) {
    const path = join(dest, file);
    let text = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n'); // offsets are those of the judge's LF text
    list.sort((a, b) => b.link.start + b.at - (a.link.start + a.at));
    for (const c of list) {
      const pos = c.link.start + c.at;
      text = text.slice(0, pos) + c.insert + text.slice(pos);
    }
    writeFileSync(path, text);
    for (const c of list) {
      const shift = list.filter((d) => d.link.start < c.link.start).reduce((s, d) => s + d.insert.length, 0);
      planted.push({ file, kind: c.kind, start: c.link.start + shift, end: c.link.end + shift + c.insert.length, before: c.link.raw });
    }
  }
  return planted;
}

function lineCol(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function recallFor(spec, o, rnd) {
  const vault = new Vault(spec.dir, spec.convention);
  const chosen = choose(candidates(vault), o.perKind, rnd);
  const dest = join(o.out, spec.dir.split('/').filter(Boolean).slice(-2).join('_'));
  const planted = plant(spec.dir, dest, chosen);
  const copy = new Vault(dest, vault.convention);
  for (const p of planted) {
    const link = copy.note(p.file).links.find((l) => l.start === p.start);
    p.after = link?.raw ?? copy.note(p.file).text.slice(p.start, p.end);
    p.judged = link ? judgeLink(copy, p.file, link).status : 'unparsed';
  }
  const r = spawnSync(process.execPath, [o.cli, 'check', dest, '--format', 'json'], { maxBuffer: 1 << 30, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`check ${dest} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  const reports = JSON.parse(r.stdout);
  const byKind = {};
  for (const p of planted) {
    const text = copy.note(p.file).text;
    const s = lineCol(text, p.start);
    const e = lineCol(text, p.end);
    p.at = `${p.file}:${s.line}:${s.column}`;
    p.found = reports.find(
      (x) =>
        x.file.replace(/\\/g, '/') === p.file &&
        x.line >= s.line &&
        x.line <= e.line &&
        (x.line > s.line || x.column >= s.column) &&
        (x.line < e.line || x.column <= e.column),
    );
    const k = (byKind[p.kind] ??= { planted: 0, judgedBroken: 0, reported: 0, missed: [] });
    k.planted++;
    if (p.judged === 'broken') k.judgedBroken++;
    if (p.found) k.reported++;
    else if (k.missed.length < 3) k.missed.push({ at: p.at, before: p.before, after: p.after });
  }
  const total = planted.length;
  const reported = planted.filter((p) => p.found).length;
  return {
    dir: spec.dir,
    copy: dest,
    convention: vault.convention,
    planted: total,
    reported,
    judgedBroken: planted.filter((p) => p.judged === 'broken').length,
    byKind,
  };
}

const o = parseArgs(process.argv.slice(2));
// Seeded, so that the planted links are the same every run.
const rnd = mulberry32(o.seed);
const results = o.dirs.map((d) => recallFor(d, o, rnd));
if (o.json) console.log(JSON.stringify(results, null, 2));
else {
  for (const r of results) {
    console.log(`\n## ${r.dir} (${r.convention}) → ${r.copy}`);
    console.log(`planted ${r.planted} (judge: ${r.judgedBroken} broken), reported ${r.reported}`);
    for (const [kind, k] of Object.entries(r.byKind)) {
      console.log(`  ${kind}: ${k.reported}/${k.planted} reported (judge: ${k.judgedBroken} broken)`);
      for (const m of k.missed) console.log(`      missed ${m.at}  ${m.before} → ${m.after}`);
    }
  }
  console.log('\n| folder | convention | planted | reported | recall |');
  console.log('|---|---|---:|---:|---:|');
  for (const r of results)
    console.log(
      `| ${r.dir} | ${r.convention} | ${r.planted} | ${r.reported} | ${r.planted ? ((100 * r.reported) / r.planted).toFixed(1) : '–'} % |`,
    );
}

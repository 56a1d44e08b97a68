// Checks real vaults with the built command line and prints, per folder: notes,
// links ([[…]], ![[…]] and Markdown links to local files, outside code), reports by
// code and the check's wall time (median of --runs, plus one regex-floor timing for
// scale: reading every note and matching [[…]], nothing else). With --judge each
// report is judged by scripts/vault-oracle.mjs ("really broken in that vault's own
// tool" or not) and the false ones are broken down by the form of the link.
//
// Usage: npm run build && npm run eval:vaults -- [--judge] [--json] [--sample N] [--runs N] DIR[=convention] …
//   convention: obsidian | foam | dendron | logseq | markdown (default: detected from the folder)
//   --save D writes each folder's reports and times to D; --reuse D judges those saved runs
//   again without checking (to refine the judge).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Vault, judgeLink, judgeReport } from './vault-oracle.mjs';
import { isExternal } from './vault-scan.mjs';

const root = join(import.meta.dirname, '..');

function parseArgs(argv) {
  const o = { judge: false, json: false, sample: 0, runs: 3, cli: join(root, 'dist', 'cli.js'), dirs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--judge') o.judge = true;
    else if (a === '--json') o.json = true;
    else if (a === '--sample') o.sample = Number(argv[++i]);
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--cli') o.cli = argv[++i];
    else if (a === '--save') o.save = argv[++i];
    else if (a === '--reuse') o.reuse = argv[++i];
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else {
      const eq = a.lastIndexOf('=');
      o.dirs.push(eq > 0 ? { dir: a.slice(0, eq), convention: a.slice(eq + 1) } : { dir: a });
    }
  }
  if (o.dirs.length === 0) throw new Error('usage: npm run eval:vaults -- [--judge] [--json] [--sample N] [--runs N] DIR[=convention] …');
  return o;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

// CPU time (user + system, ms) of the children this process has waited for, from /proc
// (Linux): on a shared machine it says more than wall time. undefined elsewhere.
function childrenCpuMs() {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** Runs `check DIR --format json` `runs` times: the reports of the last run, median wall and CPU time. */
function runCheck(cli, dir, runs) {
  const times = [];
  const cpu = [];
  let reports = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = childrenCpuMs();
    const r = spawnSync(process.execPath, [cli, 'check', dir, '--format', 'json'], { maxBuffer: 1 << 30, encoding: 'utf8' });
    times.push(performance.now() - t0);
    const c1 = childrenCpuMs();
    if (c0 !== undefined && c1 !== undefined) cpu.push(c1 - c0);
    if (r.status !== 0 && r.status !== 1) throw new Error(`check ${dir} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    reports = JSON.parse(r.stdout);
  }
  return { reports, ms: median(times), times, cpuMs: cpu.length ? median(cpu) : undefined };
}

/** The floor: read every note and find its [[…]] with one regex, nothing else. */
function regexFloor(vault, notes) {
  const t0 = performance.now();
  let n = 0;
  for (const f of notes) n += (readFileSync(join(vault.dir, f), 'utf8').match(/\[\[[^\]\n]*\]\]/g) ?? []).length;
  return { ms: performance.now() - t0, n };
}

/** Links of the vault as its tool reads them, with the judge's verdict on each. */
function countLinks(vault, notes, judge) {
  const counts = { wiki: 0, embed: 0, markdown: 0 };
  const broken = [];
  for (const f of notes) {
    for (const l of vault.note(f).links) {
      if ((l.kind === 'md' || l.kind === 'refdef') && (l.dest.trim() === '' || isExternal(l.dest.trim()))) continue;
      counts[l.kind === 'refdef' ? 'markdown' : l.kind === 'md' ? 'markdown' : l.kind]++;
      if (!judge) continue;
      const j = judgeLink(vault, f, l);
      if (j.status === 'broken') broken.push({ file: f, link: l, reason: j.reason });
    }
  }
  return { counts, total: counts.wiki + counts.embed + counts.markdown, broken };
}

function position(vault, file, offset) {
  const starts = vault.note(file).starts;
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line: line + 1, column: offset - starts[line] + 1 };
}

/** Broken links (by the judge) that no report touches: what the check misses on real data. */
function misses(vault, broken, reports) {
  const byFile = new Map();
  for (const r of reports) {
    if (!byFile.has(r.file)) byFile.set(r.file, []);
    byFile.get(r.file).push(r);
  }
  return broken.filter(({ file, link }) => {
    const s = position(vault, file, link.start);
    const e = position(vault, file, link.end);
    return !(byFile.get(file) ?? []).some(
      (r) => r.line >= s.line && r.line <= e.line && (r.line > s.line || r.column >= s.column) && (r.line < e.line || r.column <= e.column),
    );
  });
}

function evaluate(spec, o) {
  const vault = new Vault(spec.dir, spec.convention);
  const notes = vault.notes;
  const links = countLinks(vault, notes, o.judge);
  const saved = join(o.reuse ?? o.save ?? '.', `${spec.dir.replace(/[^\w.+-]+/g, '_')}.json`);
  const run = o.reuse && existsSync(saved) ? JSON.parse(readFileSync(saved, 'utf8')) : runCheck(o.cli, spec.dir, o.runs);
  if (o.save) {
    mkdirSync(o.save, { recursive: true });
    writeFileSync(saved, JSON.stringify(run));
  }
  const floor = regexFloor(vault, notes);
  const byCode = {};
  for (const r of run.reports) byCode[r.code] = (byCode[r.code] ?? 0) + 1;
  const out = {
    dir: spec.dir,
    convention: vault.convention,
    notes: notes.length,
    files: vault.files.length,
    links: links.total,
    linkKinds: links.counts,
    reports: run.reports.length,
    byCode,
    ms: Math.round(run.ms),
    runsMs: run.times.map(Math.round),
    cpuMs: run.cpuMs === undefined ? undefined : Math.round(run.cpuMs),
    floorMs: Math.round(floor.ms),
  };
  if (o.judge) Object.assign(out, judgeAll(vault, run.reports, links.broken));
  if (o.sample > 0) out.samples = samples(vault, run.reports, o.sample, o.judge);
  return out;
}

function judgeAll(vault, reports, broken) {
  const verdicts = { broken: 0, fine: 0, 'not a link': 0, 'by hand': 0 };
  const falseShapes = {};
  const brokenShapes = {};
  for (const r of reports) {
    const j = judgeReport(vault, r);
    verdicts[j.verdict]++;
    const bucket = j.verdict === 'broken' ? brokenShapes : j.verdict === 'by hand' ? null : falseShapes;
    if (!bucket) continue;
    const key = j.verdict === 'broken' ? j.shape : `${j.shape}`;
    bucket[key] ??= { n: 0, codes: {}, examples: [] };
    bucket[key].n++;
    bucket[key].codes[r.code] = (bucket[key].codes[r.code] ?? 0) + 1;
    if (bucket[key].examples.length < 3)
      bucket[key].examples.push({ at: `${r.file}:${r.line}:${r.column}`, code: r.code, link: j.link ?? j.text ?? '', message: r.message });
  }
  const linkReports = verdicts.broken + verdicts.fine + verdicts['not a link'];
  const missed = misses(vault, broken, reports);
  return {
    verdicts,
    judgedBroken: verdicts.broken,
    judgedFalse: verdicts.fine + verdicts['not a link'],
    precision: linkReports ? verdicts.broken / linkReports : 1,
    falseShapes,
    brokenShapes,
    brokenLinks: broken.length,
    missed: missed.length,
    missedExamples: missed
      .slice(0, 5)
      .map(({ file, link, reason }) => ({ at: `${file}:${position(vault, file, link.start).line}`, link: link.raw, reason })),
  };
}

function samples(vault, reports, n, judge) {
  const byCode = {};
  for (const r of reports) (byCode[r.code] ??= []).push(r);
  const out = [];
  for (const [code, rs] of Object.entries(byCode)) {
    const step = Math.max(1, Math.floor(rs.length / n));
    for (let i = 0; i < rs.length && out.filter((s) => s.code === code).length < n; i += step) {
      const r = rs[i];
      const text = vault.note(r.file.replace(/\\/g, '/')).text.split('\n')[r.line - 1] ?? '';
      out.push({
        code,
        at: `${r.file}:${r.line}:${r.column}`,
        message: r.message,
        line: text.trim().slice(0, 200),
        ...(judge ? { judge: judgeReport(vault, r) } : {}),
      });
    }
  }
  return out;
}

function printText(results, o) {
  console.log(
    `Node ${process.version}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}; wall times are noisy on a shared machine.`,
  );
  for (const r of results) {
    console.log(`\n## ${r.dir} (${r.convention})`);
    console.log(
      `notes ${r.notes}, files ${r.files}, links ${r.links} (wiki ${r.linkKinds.wiki}, ` +
        `embeds ${r.linkKinds.embed}, Markdown ${r.linkKinds.markdown})`,
    );
    console.log(
      `reports ${r.reports}: ${
        Object.entries(r.byCode)
          .map(([c, n]) => `${c} ${n}`)
          .join(', ') || 'none'
      }`,
    );
    console.log(
      `check ${r.ms} ms wall (median of ${r.runsMs.length}: ${r.runsMs.join(', ')}), ${r.cpuMs ?? '?'} ms CPU; regex floor ${r.floorMs} ms`,
    );
    if (o.judge) {
      console.log(
        `judged really broken ${r.judgedBroken}, false ${r.judgedFalse} (fine ${r.verdicts.fine}, not a ` +
          `link ${r.verdicts['not a link']}), by hand ${r.verdicts['by hand']}; ` +
          `precision ${(100 * r.precision).toFixed(1)} %`,
      );
      printShapes('false reports by shape', r.falseShapes);
      printShapes('really broken by reason', r.brokenShapes);
      console.log(`links the judge calls broken: ${r.brokenLinks}; not reported: ${r.missed}`);
      for (const m of r.missedExamples) console.log(`    missed ${m.at} ${m.link} (${m.reason})`);
    }
    for (const s of r.samples ?? []) {
      console.log(
        `  [${s.code}] ${s.at} ${s.message}\n      ${s.line}${s.judge ? `\n      judge: ${s.judge.verdict} — ${s.judge.shape}` : ''}`,
      );
    }
  }
  if (results.length > 1) printSummary(results, o);
}

function printShapes(title, shapes) {
  const rows = Object.entries(shapes).sort((a, b) => b[1].n - a[1].n);
  if (rows.length === 0) return;
  console.log(`  ${title}:`);
  for (const [shape, s] of rows) {
    console.log(
      `    ${String(s.n).padStart(6)}  ${shape}  (${Object.entries(s.codes)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')})`,
    );
    for (const e of s.examples) console.log(`            ${e.at}  ${e.link.slice(0, 100)}`);
  }
}

function printSummary(results, o) {
  console.log(
    '\n| folder | convention | notes | links | reports | ' +
      (o.judge ? 'judged really broken | precision | ' : '') +
      'check ms (wall) | CPU ms | floor ms |',
  );
  console.log('|---|---|---:|---:|---:|' + (o.judge ? '---:|---:|' : '') + '---:|---:|---:|');
  for (const r of results) {
    const j = o.judge ? `${r.judgedBroken} | ${(100 * r.precision).toFixed(1)} % | ` : '';
    console.log(`| ${r.dir} | ${r.convention} | ${r.notes} | ${r.links} | ${r.reports} | ${j}${r.ms} | ${r.cpuMs ?? '?'} | ${r.floorMs} |`);
  }
}

const o = parseArgs(process.argv.slice(2));
const results = o.dirs.map((d) => evaluate(d, o));
if (o.json) console.log(JSON.stringify({ node: process.version, loadavg: loadavg(), results }, null, 2));
else printText(results, o);

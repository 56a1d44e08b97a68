// Makes the example's PDF and saved web page from the seed texts, reproducibly (same
// bytes every run), so CI needs nothing but npm:
//   sources/report_summit-2021.pdf  — source 000 set as a two-column A5 report: a title
//     across both columns, running header and page-number footer, words hyphenated at
//     line ends, bold headings and an outline (bookmarks), a metadata date
//   sources/letter_scanned.pdf — a page with no text layer (as a scan has)
//   sources/vox_legal-system.html  — source 002 as a news site's saved page: scripts,
//     `javascript:` links, a tracking pixel, navigation, ids on its sections
// Run: npx tsx scripts/make-example-sources.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setText, standardMetrics, writePdf } from './pdfWriter.js';

const dir = join(import.meta.dirname, '../examples/briefings/sources');
const seed = (name: string) =>
  readFileSync(join(dir, name), 'utf8')
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.trim());

async function report(): Promise<void> {
  const [title, ...body] = seed('000_73692c68c32165cb.txt');
  const headings = new Set(['Some notable signs emerging', 'What next?']);
  const paragraphs = body.map((p) => (headings.has(p) ? `# ${p}` : p));
  const metrics = await standardMetrics();
  const { pages, headings: outline } = setText(paragraphs, metrics, {
    columns: [
      { x: 36, width: 166 },
      { x: 218, width: 166 },
    ],
    top: 540,
    firstPageTop: 490,
    bottom: 50,
    size: 10,
    leading: 12.5,
    paragraphGap: 6,
    hyphenate: true,
    pageWidth: 420,
    pageHeight: 595,
    running: (n) => [
      { text: 'Briefing pack · Biden – Putin video summit', x: 36, y: 565, size: 7 },
      { text: `Page ${n}`, x: 198, y: 25, size: 7 },
    ],
  });
  pages[0]!.lines.push({ text: title!, x: 36, y: 515, size: 14, bold: true });
  const pdf = await writePdf({ pages, title: 'Biden – Putin video summit', date: new Date(Date.UTC(2021, 11, 10, 12)), outline });
  writeFileSync(join(dir, 'report_summit-2021.pdf'), pdf);
  console.log(`report_summit-2021.pdf: ${pages.length} pages, ${pdf.length} bytes`);
}

async function scan(): Promise<void> {
  const pdf = await writePdf({
    pages: [{ lines: [], width: 420, height: 595 }],
    title: 'Letter (scan)',
    date: new Date(Date.UTC(2021, 11, 9)),
  });
  writeFileSync(join(dir, 'letter_scanned.pdf'), pdf);
  console.log(`letter_scanned.pdf: ${pdf.length} bytes`);
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(): void {
  const [date, site, headline, , ...body] = seed('002_a3f28121737e2d7d.txt');
  let section = 1;
  const sections = body.map((p, i) => {
    // A short line without a full stop is a section heading, as the seed's heading lines are.
    if (p.split(/\s+/).length <= 12 && !/[.,;:”"]$/.test(p)) return `      <h2 id="section-${++section}">${escape(p)}</h2>`;
    const id =
      /Macron/.test(p) && !body.slice(0, i).some((q) => /Macron/.test(q))
        ? 'macron'
        : /Pifer/.test(p) && !body.slice(0, i).some((q) => /Pifer/.test(q))
          ? 'pifer'
          : `p-${i + 1}`;
    return `      <p id="${id}">${escape(p)}</p>`;
  });
  const html =
    `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escape(headline!)} | ${escape(site!)}</title>
  <meta property="og:title" content="${escape(headline!)}">
  <script>window.dataLayer = []; fetch('https://tracker.example.invalid/pageview');</script>
  <script src="https://cdn.example.invalid/app.js"></script>
  <link rel="stylesheet" href="https://cdn.example.invalid/site.css">
</head>
<body onload="init()">
  <!-- saved from a news site -->
  <header><nav><a href="javascript:void(0)">Menu</a> <a href="/world">World</a> <a ` +
    `href="/politics">Politics</a> <a href="javascript:subscribe()">Subscribe</a></nav></header>
  <main>
    <article>
      <p class="kicker">${escape(site!)}</p>
      <h1 id="headline">${escape(headline!)}</h1>
      <p class="dateline"><time datetime="2024-06-18">${escape(date!)}</time></p>
      <div class="share"><a href="javascript:share('x')">Share</a> <a href="javascript:share('mail')">Email</a></div>
${sections.join('\n')}
      <img src="https://tracker.example.invalid/pixel.gif" onerror="steal()" alt="">
    </article>
    <aside id="related"><h2>Related</h2><ul><li><a href="/a">Other story</a></li></ul></aside>
  </main>
  <footer><p>© A news site. <a href="javascript:cookies()">Cookie settings</a></p></footer>
  <script>document.body.innerHTML = '<p>replaced by a script</p>';</script>
</body>
</html>
`;
  writeFileSync(join(dir, 'vox_legal-system.html'), html);
  console.log(`vox_legal-system.html: ${html.length} characters`);
}

await report();
await scan();
page();

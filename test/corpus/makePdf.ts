// Writes a long PDF for the bad-input corpus and the benchmark: `pages` pages of 40
// lines of varied text each, a running header and a page-number footer.
// Run: npx tsx test/corpus/makePdf.ts OUT.pdf PAGES
import { writeFileSync } from 'node:fs';
import { writePdf, type PdfPage } from '../../scripts/pdfWriter.js';

const WORDS = (
  'the report finds that regional trade grew while costs rose and the committee will review its ' +
  'forecast for next year in light of new data on prices wages and exports'
).split(' ');

/** The pages of a long report; line `l` of page `p` is different on every page. */
export function longReport(count: number): PdfPage[] {
  const pages: PdfPage[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let p = 1; p <= count; p++) {
    const lines = [
      { text: 'Regional Trade Review · Annual Report', x: 72, y: 760, size: 8 },
      { text: `${p}`, x: 300, y: 36, size: 8 },
    ];
    for (let l = 0; l < 40; l++) {
      const words = Array.from({ length: 12 }, () => WORDS[next() % WORDS.length]!);
      lines.push({ text: `${words.join(' ')}${l % 8 === 7 ? '.' : ''}`, x: 72, y: 720 - l * 16, size: 10 });
    }
    pages.push({ lines });
  }
  return pages;
}

if (process.argv[2]) {
  const count = Number(process.argv[3] ?? 500);
  writeFileSync(process.argv[2], await writePdf({ pages: longReport(count), title: `Regional Trade Review (${count} pages)` }));
}

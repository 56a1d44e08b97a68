#!/usr/bin/env node
// Bundles the extension, the language server and the command line with esbuild.
// `--production` minifies and drops source maps (for the .vsix).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js' },
  { in: 'server/src/node/indexWorker.ts', out: 'dist/indexWorker.js' },
  // pdf.js is an ES module: the extraction worker is one too. Canvas is for drawing pages, not reading them.
  { in: 'server/src/node/extract/extractWorker.ts', out: 'dist/extractWorker.mjs', format: 'esm', external: ['@napi-rs/canvas'] },
  // The PDF viewer's page script, for the webview (a browser).
  { in: 'client/webview/pdfViewer.ts', out: 'dist/webview/pdfViewer.js', format: 'esm', platform: 'browser', target: 'chrome120' },
];

for (const e of entries) {
  if (!existsSync(join(root, e.in))) {
    console.log(`bundle: ${e.in} does not exist yet, skipped`);
    continue;
  }
  await build({
    entryPoints: [join(root, e.in)],
    outfile: join(root, e.out),
    bundle: true,
    platform: e.platform ?? 'node',
    format: e.format ?? 'cjs',
    target: e.target ?? 'node20',
    external: e.external ?? [],
    minify: production,
    sourcemap: production ? false : 'linked',
    logLevel: 'warning',
    // ESM dependencies (unified, remark) may read import.meta.url; give CJS a value for it.
    ...(e.format === 'esm'
      ? {}
      : { define: { 'import.meta.url': 'importMetaUrl' }, banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" } }),
  });
  console.log(`bundle: ${e.out}`);
}

// The viewer's style sheet, from pdf.js.
const require = createRequire(import.meta.url);
mkdirSync(join(root, 'dist/webview'), { recursive: true });
copyFileSync(require.resolve('pdfjs-dist/legacy/web/pdf_viewer.css'), join(root, 'dist/webview/pdf_viewer.css'));
console.log('bundle: dist/webview/pdf_viewer.css');

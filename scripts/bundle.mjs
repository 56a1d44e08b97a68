#!/usr/bin/env node
// Bundles the extension, the language server and the command line with esbuild.
// `--production` minifies and drops source maps (for the .vsix). Before bundling it
// writes server/src/core/version.ts from package.json, and the extension bundle gets the
// example workspace (examples/briefings) as the module `grounded-notes:example`.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

/** The version module's text for `version` (test/unit/manifest.test.ts compares it with package.json). */
function versionModule(version) {
  return `// Generated from package.json's "version" by scripts/bundle.mjs (test/unit/manifest.test.ts
// holds the two equal). Do not edit by hand.
export const VERSION = '${String(version).replace(/[\\']/g, '\\$&')}';
`;
}

const versionFile = join(root, 'server/src/core/version.ts');
const versionText = versionModule(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
if (!existsSync(versionFile) || readFileSync(versionFile, 'utf8') !== versionText) {
  writeFileSync(versionFile, versionText);
  console.log('bundle: server/src/core/version.ts written from package.json');
}

/** Every file under `dir`, as paths relative to it with `/` separators. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** A file's content for the example module: its text, or `{ base64 }` for a binary file (the example's PDFs). */
function exampleContent(path) {
  const bytes = readFileSync(path);
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  return text === undefined || text.includes('\0') ? { base64: bytes.toString('base64') } : text;
}

/** `import files from 'grounded-notes:example'`: the example workspace's files as strings (binary ones as base64). */
const examplePlugin = {
  name: 'grounded-notes-example',
  setup(b) {
    const folder = join(root, 'examples/briefings');
    b.onResolve({ filter: /^grounded-notes:example$/ }, () => ({ path: folder, namespace: 'grounded-notes-example' }));
    b.onLoad({ filter: /.*/, namespace: 'grounded-notes-example' }, () => {
      const files = Object.fromEntries(filesUnder(folder).map((f) => [f, exampleContent(join(folder, f))]));
      return {
        contents: `export default ${JSON.stringify(files)};`,
        loader: 'js',
        watchFiles: filesUnder(folder).map((f) => join(folder, f)),
      };
    });
  },
};

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'], plugins: [examplePlugin] },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  // What editors run: the server (and, for bin/, the command line) with compiled code kept between starts.
  { in: 'server/src/node/launch.ts', out: 'dist/launch.js' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js' },
  { in: 'server/src/node/indexWorker.ts', out: 'dist/indexWorker.js' },
  { in: 'server/src/node/readWorker.ts', out: 'dist/readWorker.js' },
  { in: 'server/src/node/suggestWorker.ts', out: 'dist/suggestWorker.js' },
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
    plugins: e.plugins ?? [],
    minify: production,
    sourcemap: production ? false : 'linked',
    logLevel: 'warning',
    // ESM dependencies (unified, remark) may read import.meta.url; give CJS a value for it.
    ...(e.format === 'esm'
      ? {}
      : {
          define: { 'import.meta.url': 'importMetaUrl' },
          banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
        }),
    // jsonc-parser's `main` is a UMD build whose requires esbuild cannot follow; its ES module build bundles.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  });
  console.log(`bundle: ${e.out}`);
}

// The viewer's style sheet, from pdf.js.
const require = createRequire(import.meta.url);
mkdirSync(join(root, 'dist/webview'), { recursive: true });
copyFileSync(require.resolve('pdfjs-dist/legacy/web/pdf_viewer.css'), join(root, 'dist/webview/pdf_viewer.css'));
console.log('bundle: dist/webview/pdf_viewer.css');

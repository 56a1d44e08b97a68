#!/usr/bin/env node
// Bundles the extension, the language server and the command line with esbuild.
// `--production` minifies and drops source maps (for the .vsix). Before bundling it
// writes server/src/core/version.ts from package.json, and the extension bundle gets the
// example workspace (examples/briefings) as the module `grounded-notes:example`.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

/** The version module's text for `version` (test/unit/manifest.test.ts compares it with package.json). */
function versionModule(version) {
  return `// Generated from package.json's "version" by scripts/bundle.mjs (test/unit/manifest.test.ts
// holds the two equal). Do not edit by hand.
export const VERSION = ${JSON.stringify(version)};
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

/** `import files from 'grounded-notes:example'`: the example workspace's files as strings. */
const examplePlugin = {
  name: 'grounded-notes-example',
  setup(b) {
    const folder = join(root, 'examples/briefings');
    b.onResolve({ filter: /^grounded-notes:example$/ }, () => ({ path: folder, namespace: 'grounded-notes-example' }));
    b.onLoad({ filter: /.*/, namespace: 'grounded-notes-example' }, () => {
      const files = Object.fromEntries(filesUnder(folder).map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
      return { contents: `export default ${JSON.stringify(files)};`, loader: 'js', watchFiles: filesUnder(folder).map((f) => join(folder, f)) };
    });
  },
};

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'], plugins: [examplePlugin] },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js' },
  { in: 'server/src/node/indexWorker.ts', out: 'dist/indexWorker.js' },
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
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: e.external ?? [],
    plugins: e.plugins ?? [],
    minify: production,
    sourcemap: production ? false : 'linked',
    logLevel: 'warning',
    // ESM dependencies (unified, remark) may read import.meta.url; give CJS a value for it.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  console.log(`bundle: ${e.out}`);
}

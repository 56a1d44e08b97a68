#!/usr/bin/env node
// `npm run package [-- --out FILE]`: bundles for production (minified, no source maps),
// writes the .vsix with vsce (default grounded-notes.vsix), prints its size and files,
// then restores the development bundles (with source maps) in dist/.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = process.argv.indexOf('--out');
const out = resolve(at > 0 && process.argv[at + 1] ? process.argv[at + 1] : join(root, 'grounded-notes.vsix'));

/** Runs a Node script; true when it succeeded. */
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status === 0;

const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
const packaged = run([join(root, 'scripts/bundle.mjs'), '--production']) && run([vsce, 'package', '--no-dependencies', '--out', out]);
const restored = run([join(root, 'scripts/bundle.mjs')]);
if (!packaged || !restored) process.exit(1);
console.log(`package: ${out} (${(statSync(out).size / 1024).toFixed(0)} KB)`);

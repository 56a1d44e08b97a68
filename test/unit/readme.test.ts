import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../server/src/core/rules/registry.js';

const root = join(import.meta.dirname, '../..');

describe('README', () => {
  it('documents every rule exactly as the registry says (scripts/rules-doc.ts --check)', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/rules-doc.ts', '--check'], { cwd: root, encoding: 'utf8' });
    assert.match(out, /up to date/);
  });

  it('has a section for every code that codeDescription links point to', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const r of rules) assert.ok(readme.includes(`### ${r.code} ${r.name}`), r.code);
  });
});

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../server/src/core/rules/registry.js';

const root = join(import.meta.dirname, '../..');

describe('the rule registry', () => {
  it('lists every rule file, and the Code union every code (scripts/rules-index.ts --check)', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/rules-index.ts', '--check'], { cwd: root, encoding: 'utf8' });
    assert.match(out, /up to date/);
  });

  it('has each rule in the file its code and name say (`GN002-unknown-anchor.ts`)', () => {
    const files = readdirSync(join(root, 'server/src/core/rules')).filter((f) => /^GN\d{3}-/.test(f));
    assert.deepEqual(
      rules.map((r) => `${r.code}-${r.name}.ts`),
      files.sort(),
    );
  });
});

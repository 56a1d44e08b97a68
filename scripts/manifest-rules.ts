// Writes package.json's `groundedNotes.diagnostics` setting from the rule registry: one
// property per code with its name, default severity and description, so the Settings
// editor and settings.json completion list exactly the codes that exist.
// `npx tsx scripts/manifest-rules.ts` rewrites it; `--check` exits 1 when it drifted (the tests run it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../server/src/core/rules/registry.js';

const LEVELS = ['error', 'warning', 'information', 'hint', 'off'];
const LEVEL_DESCRIPTIONS = [
  'Shown as an error (red squiggle); `grounded-notes check` exits 1.',
  'Shown as a warning (yellow squiggle); counts against `--max-warnings`.',
  'Shown as information (blue squiggle).',
  'Shown as a hint (faint dots under the first characters).',
  'Not reported.',
];

/** The `groundedNotes.diagnostics` setting as package.json declares it. */
export function diagnosticsSetting(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const r of rules) {
    const inSources = r.sourceSeverity ? `; in sources: \`${r.sourceSeverity}\`` : '';
    properties[r.code] = {
      type: 'string',
      enum: LEVELS,
      enumDescriptions: LEVEL_DESCRIPTIONS,
      markdownDescription: `**${r.code} ${r.name}** (default: \`${r.defaultSeverity}\`${inSources}). ${r.description}`,
    };
  }
  return {
    type: 'object',
    default: {},
    scope: 'resource',
    properties,
    additionalProperties: false,
    markdownDescription:
      'Severity per diagnostic code, like ESLint rules: `{"GN020": "off", "GN010": "error"}`. A code left out keeps its default. ' +
      (`Codes: ${rules.map((r) => `\`${r.code}\` ${r.name}`).join(', ')}. See [the diagnostics ` +
        `reference](https://github.com/grounded-notes/grounded-notes#diagnostics).`),
  };
}

const file = join(import.meta.dirname, '..', 'package.json');
const text = readFileSync(file, 'utf8');
const manifest = JSON.parse(text);
manifest.contributes.configuration.properties['groundedNotes.diagnostics'] = diagnosticsSetting();
const next = JSON.stringify(manifest, null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error("package.json's groundedNotes.diagnostics does not match the rule registry: run `npx tsx scripts/manifest-rules.ts`");
    process.exit(1);
  }
  console.log("package.json's groundedNotes.diagnostics is up to date");
} else if (next !== text) {
  writeFileSync(file, next);
  console.log("package.json's groundedNotes.diagnostics written from the rule registry");
}

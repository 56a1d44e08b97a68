import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../server/src/core/rules/registry.js';
import { VERSION } from '../../server/src/core/product.js';

const root = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(path: string): [number, number] {
  const data = readFileSync(path);
  assert.equal(data.toString('latin1', 1, 4), 'PNG', `${path} is not a PNG`);
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

interface Setting {
  markdownDescription?: string;
  description?: string;
  enum?: string[];
  enumDescriptions?: string[];
  properties?: Record<string, Setting>;
}

describe('the extension manifest (package.json)', () => {
  it('is ready for the Marketplace and Open VSX: icon, banner, categories, keywords, links, licence, changelog', () => {
    assert.deepEqual(pngSize(join(root, manifest.icon)), [128, 128]);
    assert.ok(existsSync(join(root, 'media/icon.svg')), 'the icon has its SVG source');
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    assert.deepEqual(manifest.categories, ['Linters', 'Programming Languages', 'Other']);
    assert.ok(manifest.keywords.length >= 5 && manifest.keywords.length <= 30, 'the Marketplace takes at most 30 keywords');
    for (const key of ['homepage', 'repository', 'bugs']) assert.ok(manifest[key], key);
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /MIT License/);
    assert.match(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), /^## \[Unreleased\]$/m);
    assert.match(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## \\[${manifest.version.replace(/\./g, '\\.')}\\]`, 'm'));
  });

  it("asks for the VS Code whose API it is typed against (engines.vscode = @types/vscode = the language client's minimum)", () => {
    const minimum = /^\^(\d+\.\d+)\.\d+$/.exec(manifest.engines.vscode)![1];
    assert.equal(manifest.devDependencies['@types/vscode'], minimum);
    const client = JSON.parse(readFileSync(join(root, 'node_modules/vscode-languageclient/package.json'), 'utf8'));
    assert.equal(client.engines.vscode, manifest.engines.vscode);
  });

  it('has the version the server and the command line report (server/src/core/version.ts)', () => {
    assert.equal(VERSION, manifest.version);
  });

  it('describes every setting in Markdown, and every enum value', () => {
    const check = (name: string, s: Setting) => {
      assert.ok(s.markdownDescription && !s.description, `${name} has a markdownDescription (and no plain description)`);
      if (s.enum) assert.equal(s.enumDescriptions?.length, s.enum.length, `${name}: one enumDescription per value`);
      for (const [key, inner] of Object.entries(s.properties ?? {})) check(`${name}.${key}`, inner);
    };
    for (const [name, s] of Object.entries(contributes.configuration.properties as Record<string, Setting>)) check(name, s);
  });

  it("lists exactly the registry's codes in groundedNotes.diagnostics (scripts/manifest-rules.ts --check)", () => {
    const setting = contributes.configuration.properties['groundedNotes.diagnostics'];
    assert.deepEqual(
      Object.keys(setting.properties),
      rules.map((r) => r.code),
    );
    assert.equal(setting.additionalProperties, false, 'an unknown code is flagged in settings.json');
    assert.match(
      setting.properties.GN020.markdownDescription,
      /^\*\*GN020 weekday-mismatch\*\* \(default: `warning`; in sources: `information`\)\. /,
    );
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/manifest-rules.ts', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.match(out, /up to date/);
  });

  it('contributes the check task type and the $grounded-notes problem matcher, activating on the task type', () => {
    assert.deepEqual(
      contributes.taskDefinitions.map((t: { type: string }) => t.type),
      ['grounded-notes'],
    );
    assert.deepEqual(
      contributes.problemMatchers.map((m: { name: string }) => m.name),
      ['grounded-notes'],
    );
    assert.ok(manifest.activationEvents.includes('onTaskType:grounded-notes'));
  });

  it('has a walkthrough whose every step shows a picture from the UI tests and links to a command that exists', () => {
    const [walkthrough] = contributes.walkthroughs;
    assert.equal(walkthrough.id, 'gettingStarted');
    const ours = new Set(contributes.commands.map((c: { command: string }) => c.command));
    const builtIn = new Set(['workbench.action.files.openFolder', 'workbench.action.quickOpen', 'workbench.actions.view.problems']);
    assert.deepEqual(
      walkthrough.steps.map((s: { id: string }) => s.id),
      ['sources', 'cite', 'hover', 'problems', 'dates'],
    );
    for (const step of walkthrough.steps) {
      const [width] = pngSize(join(root, step.media.image));
      assert.ok(width >= 400, `${step.media.image} is a screenshot`);
      assert.ok(step.media.altText.length > 20, `${step.id} describes its picture`);
      const links = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
      assert.ok(links.length > 0, `${step.id} has a command link`);
      for (const id of links)
        assert.ok(ours.has(id) || builtIn.has(id), `${step.id} links to ${id}, which is neither contributed nor built in`);
    }
    assert.match(walkthrough.steps[0].description, /\(command:groundedNotes\.createExampleWorkspace\)/);
  });
});

/**
 * Did-you-mean on a second thread: a vault with thousands of links to pages that do
 * not exist gets from the command line, with the worker, what it gets on one thread;
 * and a worker that fails leaves the check as it would have been.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNotesService } from '../../server/src/core/index.js';
import { defaultConfig } from '../../server/src/core/config.js';
import type { NotesService } from '../../server/src/core/api.js';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace.js';
import { checkAlongside, MIN_LOOKUPS } from '../../server/src/node/suggestAlongside.js';
import { ensureBuilt, REPO } from '../helpers/lspClient.js';
import { problemLines } from '../helpers/fixture.js';

const WORDS =
  'river stone maple harbor garden lantern meadow copper willow thunder amber falcon silver orchard canyon ember glacier prairie'.split(
    ' ',
  );
const NOTES = 200;
const MISSING_PER_NOTE = 12;

/** Notes named by pairs of words, each linking to one existing note and to twelve misspelt names no note has. */
function vault(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gn-suggest-'));
  const names: string[] = [];
  for (const a of WORDS) for (const b of WORDS) if (a !== b && names.length < NOTES) names.push(`${a} ${b}`);
  names.forEach((name, i) => {
    const links = [`- see [[${names[(i + 1) % NOTES]}]]`];
    for (let j = 0; j < MISSING_PER_NOTE; j++) links.push(`- and [[${names[(i * 7 + j) % NOTES]}${'abcdefghijkl'[j]}]]`);
    writeFileSync(join(dir, `${name}.md`), `# ${name}\n\n${links.join('\n')}\n`);
  });
  return dir;
}

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(REPO, 'bin/grounded-notes.js'), ...args], { cwd: REPO, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function indexed(dir: string): Promise<NotesService> {
  const service = createNotesService({ workspace: new NodeWorkspace([dir]), config: defaultConfig });
  await service.initialize();
  return service;
}

describe('did-you-mean on a second thread', function () {
  this.timeout(60000);
  let dir: string;
  let alone: string[];
  before(async () => {
    ensureBuilt();
    dir = vault();
    const service = await indexed(dir);
    alone = problemLines(service.allProblems());
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the vault makes enough lookups for the worker', () => {
    assert.equal(alone.length, NOTES * MISSING_PER_NOTE);
    assert.ok(NOTES * MISSING_PER_NOTE >= MIN_LOOKUPS);
    assert.ok(alone.includes('amber canyon.md GN001 No note or file `garden canyona` in the workspace; did you mean `garden canyon`?'));
  });

  it('the worker answers every lookup, and the problems are those found on one thread', async () => {
    const service = await indexed(dir);
    let answers = 0;
    const counting: NotesService = Object.create(service, {
      answerLookups: {
        value: (...args: Parameters<NotesService['answerLookups']>) => {
          answers += args[2].length;
          service.answerLookups(...args);
        },
      },
    });
    const logged: string[] = [];
    await checkAlongside(counting, { workerScript: join(REPO, 'dist/suggestWorker.js'), log: (m) => logged.push(m) });
    assert.equal(service.pendingChecks, 0);
    assert.equal(answers, NOTES * MISSING_PER_NOTE);
    assert.deepEqual(logged, []);
    assert.deepEqual(problemLines(service.allProblems()), alone);
  });

  it('a worker that fails leaves the lookups to the main thread, with the same problems', async () => {
    const broken = join(dir, 'broken-worker.js');
    writeFileSync(broken, "throw new Error('no worker here');\n");
    const service = await indexed(dir);
    const logged: string[] = [];
    await checkAlongside(service, { workerScript: broken, log: (m) => logged.push(m) });
    assert.equal(service.pendingChecks, 0);
    assert.deepEqual(problemLines(service.allProblems()), alone);
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /^Did-you-mean names were found on the main thread: no worker here/);
  });

  it('the command line prints the same with the worker as with --threads 0', () => {
    const one = cli('check', dir, '--format', 'json', '--threads', '0');
    const two = cli('check', dir, '--format', 'json');
    assert.equal(one.code, 1);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
    assert.equal(JSON.parse(two.stdout).length, NOTES * MISSING_PER_NOTE);
  });
});

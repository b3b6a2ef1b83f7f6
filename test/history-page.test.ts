/**
 * The flight-history page end to end: the real gate records five flights in a hosted tree
 * served over smart HTTP with a token; the bundled command line (dist/cli) writes the pages
 * from it; Debian's chromium, driven by playwright-core, opens them from disk. The page loads
 * with no console error, the known regression shows the failing colour and text, paging works
 * without script, a hostile step name is text, and screenshots are kept as test artifacts.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { initRepository, type Git } from '../actions/lib/git.js';
import {
  appendFlightNote,
  FLIGHT_RECORD_FORMAT,
  JOB_RESULT_FORMAT,
  type FlightRecord,
  type StepResult,
} from '../actions/lib/flight.js';
import { carryHistory } from '../actions/lib/gate/history.js';
import { gateFlight } from '../actions/lib/gate/gate.js';
import { readNoteText, writeNote } from '../actions/lib/flight-notes.js';
import { fetchHistorySource, prefetchBlobs } from '../actions/lib/history/fetch.js';
import { MemoryLogger } from '../actions/lib/log.js';
import { startGitServer, type GitServer } from './harness/git-server.js';
import { repoRoot } from './harness/runner.js';
import { WorkTree, filesContaining, tempDir } from './harness/fixtures.js';

const TOKEN = 'ghs_historyTOKEN0123456789abcdefABCDEF';
const NOTES = 'refs/notes/tributary/flights';
const WATCH = 'refs/notes/tributary/watch';
const SERIES = 'qemu master vs xen unstable';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** Where the screenshots are kept (ignored by git): printed by the test. */
const ARTIFACTS = join(repoRoot, 'build', 'test-artifacts');
const HOSTILE = '<img src=x onerror="console.error(\'step name ran as markup\')">';
const FAIL_BACKGROUND = 'rgb(244, 199, 195)'; // .cell.fail in render.ts

type Steps = Record<string, StepResult['status'] | StepResult>;

describe('tributary history end to end (dist/cli, smart HTTP, headless chromium)', () => {
  const tmp = tempDir('tributary-history-page-');
  let server: GitServer;
  let url: string;
  let out: string;
  let cli: { code: number; stdout: string; stderr: string };
  let browser: BrowserContext;
  let gateRequests = 0;
  const revisions: string[] = [];
  let k = 0;

  /** The bundled command line, run as a user runs it, the token in its environment. */
  function history(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [join(repoRoot, 'dist', 'cli', 'index.js'), 'history', ...args],
        {
          env: { ...process.env, TRIBUTARY_TOKEN: TOKEN, GITHUB_TOKEN: '' },
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b) => (stdout += b));
      child.stderr.on('data', (b) => (stderr += b));
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    });
  }

  /**
   * Watch flights of two series, written by the notes module as the watch records them: a
   * note on the watched revision, `series` naming the combination, the consumer's revision too.
   */
  async function recordWatch(bare: Git): Promise<void> {
    let history: FlightRecord['history'];
    let t = Date.UTC(2026, 5, 1);
    const flights: [string, string, number, StepResult['status']][] = [
      ['w1', SERIES, 0, 'pass'],
      ['w2', 'qemu master vs xen 4.19', 0, 'fail'],
      ['w3', SERIES, 1, 'fail'],
      ['w4', SERIES, 2, 'fail'],
    ];
    for (const [flight, series, i, migrate] of flights) {
      const revision = revisions[i];
      const at = new Date((t += 3_600_000)).toISOString();
      const jobs = [
        {
          name: 'test-amd64-hvm',
          url: `https://github.example/qemu/actions/runs/${flight}/job/1`,
          steps: [
            { name: 'boot', status: 'pass' as const },
            { name: 'migrate', status: migrate },
          ],
        },
      ];
      if (series === SERIES) history = carryHistory(history, { flight, revision, at }, jobs);
      const record: FlightRecord = {
        format: FLIGHT_RECORD_FORMAT,
        flight,
        tree: 'qemu',
        series,
        revision,
        trees: [
          { name: 'qemu', revision },
          { name: 'xen', revision: revisions[0] },
        ],
        jobs,
        trigger: {
          event: 'schedule',
          runUrl: `https://github.example/qemu/actions/runs/${flight}`,
        },
        recordedAt: at,
        ...(series === SERIES ? { history } : {}),
      };
      const old = (await readNoteText(bare, WATCH, revision)) ?? '';
      await writeNote(bare, WATCH, revision, appendFlightNote(old, record));
    }
  }

  /** One gate flight of `revision`, recorded by the real gate in the hosted tree. */
  async function gate(flight: string, revision: string, jobs: Record<string, Steps>) {
    const dir = join(tmp.path, `results-${k++}`);
    for (const [job, steps] of Object.entries(jobs)) {
      mkdirSync(join(dir, job), { recursive: true });
      writeFileSync(
        join(dir, job, 'result.json'),
        JSON.stringify({
          format: JOB_RESULT_FORMAT,
          job,
          flight,
          url: `https://github.example/xen-project/xen/actions/runs/${flight}/job/${job}`,
          trees: [{ name: 'xen', revision }],
          steps: Object.entries(steps).map(([name, s]) =>
            typeof s === 'string' ? { name, status: s } : { ...s, name },
          ),
        }),
      );
    }
    return gateFlight(
      {
        results: dir,
        remote: url,
        token: TOKEN,
        tree: 'xen',
        staging: 'staging',
        tested: 'master',
        required: [],
        buildJobs: ['build*'],
        noBaseline: 'push',
        untestedHead: 'ancestor',
        retryFlaky: false,
        dryRun: false,
        notesRef: NOTES,
        maxWalk: 100,
        flight,
        trigger: {
          event: 'push',
          runUrl: `https://github.example/xen-project/xen/actions/runs/${flight}`,
        },
        workDir: join(tmp.path, `gate-${k}`),
        identity: { name: 'tributary push gate', email: 'gate@example.org' },
      },
      new MemoryLogger(),
    );
  }

  const good = (): Record<string, Steps> => ({
    'build-amd64': { build: 'pass' },
    'test-amd64-hvm': {
      install: 'pass',
      [HOSTILE]: 'pass',
      boot: 'pass',
      migrate: 'pass',
      'pci-passthrough': { name: '', status: 'fail', message: 'no IOMMU on this host' },
    },
  });

  before(async () => {
    server = await startGitServer(join(tmp.path, 'srv'), TOKEN);
    const work = await WorkTree.create(join(tmp.path, 'work'));
    for (let i = 0; i < 3; i++) revisions.push(await work.commit(`change ${i}`, { f: `${i}\n` }));
    const bare = await initRepository(server.repoPath('xen.git'));
    // As GitHub: partial clone, and objects asked for by id.
    await bare.run(['config', 'uploadpack.allowFilter', 'true']);
    await bare.run(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
    await work.git.run([
      'push',
      '--quiet',
      bare.cwd,
      `${revisions[0]}:refs/heads/master`,
      `${revisions[2]}:refs/heads/staging`,
    ]);
    url = server.repoUrl('xen.git');
    const [c0, c1, c2] = revisions;
    const verdicts = [
      await gate('101', c0, good()),
      // The known regression: migrate passed in 101 and fails now; the step's log is a URL.
      await gate('102', c1, {
        ...good(),
        'test-amd64-hvm': {
          ...good()['test-amd64-hvm'],
          migrate: {
            name: '',
            status: 'fail',
            message: 'guest did not come back',
            log: 'https://logs.example/102/migrate.log',
          },
        },
      }),
      await gate('103', c1, good()),
      // migrate fails again, but flight 103 of the same revision passed it: flaky.
      await gate('104', c1, {
        ...good(),
        'test-amd64-hvm': { ...good()['test-amd64-hvm'], migrate: 'fail' },
      }),
      await gate('105', c2, {
        'build-amd64': { build: 'fail' },
        'test-amd64-hvm': {
          install: 'fail',
          [HOSTILE]: 'blocked',
          boot: 'blocked',
          migrate: 'blocked',
          'pci-passthrough': 'blocked',
        },
      }),
    ].map((o) => o.decision.verdict);
    assert.deepEqual(verdicts, ['push', 'refuse', 'push', 'push', 'refuse']);
    await recordWatch(bare);

    out = join(tmp.path, 'site');
    gateRequests = server.requests.length;
    cli = await history(
      '--repo',
      url,
      '--branch',
      'staging',
      '--out',
      out,
      '--per-page',
      '2',
      '--pages',
      '2',
    );
    assert.ok(
      existsSync(CHROMIUM),
      `${CHROMIUM} is missing: scripts/setup.sh installs Debian's chromium`,
    );
    browser = await chromium.launchPersistentContext(join(tmp.path, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    tmp.cleanup();
  });

  /** Opens a page and collects every console error, page error and failed request. */
  async function open(file: string): Promise<{ page: Page; errors: string[] }> {
    file = isAbsolute(file) ? file : join(out, file);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, errors };
  }

  /** The cell of a job's step in a flight, by the table's own headers. */
  async function cellOf(page: Page, job: string, step: string, flight: string) {
    const ids = await page.evaluate(
      `(() => {
        const th = (sel, text) => [...document.querySelectorAll(sel)].find((e) => e.textContent.trim() === text);
        const flightTh = [...document.querySelectorAll('th.flight')].find((e) => e.querySelector('.flight-id').textContent.trim() === ${JSON.stringify(flight)});
        const jobTh = th('th.job', ${JSON.stringify(job)});
        const stepTh = [...document.querySelectorAll('th.step')].find((e) => e.textContent === ${JSON.stringify(step)} && e.closest('tbody') === jobTh.closest('tbody'));
        return [jobTh.id, stepTh.id, flightTh.id];
      })()`,
    );
    const [jobId, stepId, flightId] = ids as string[];
    return page.locator(`td[headers="${jobId} ${stepId} ${flightId}"]`);
  }

  const style = (loc: ReturnType<Page['locator']>, prop: string) =>
    loc.evaluate(
      (el, p) =>
        (
          globalThis as unknown as {
            getComputedStyle(e: unknown): Record<string, string>;
          }
        ).getComputedStyle(el)[p],
      prop,
    );

  it('the command line writes the pages from the hosted tree, token kept out of sight', () => {
    assert.equal(cli.code, 0, cli.stderr + cli.stdout);
    assert.match(cli.stdout, /Wrote 2 pages of 4 flights, newest first: .*page-1\.html/);
    assert.match(cli.stdout, /Older flights exist/);
    assert.ok(!(cli.stdout + cli.stderr).includes(TOKEN), 'token in the output');
    assert.deepEqual(filesContaining([out], TOKEN), []);
    // Every request carried the token, and the notes shown came in one fetch, not one per note.
    assert.ok(server.requests.slice(gateRequests).length > 0);
    assert.ok(server.requests.every((r) => r.authorized));
  });

  it('refuses bad input with exit 2 and a message naming it, writing nothing', async () => {
    const nowhere = join(tmp.path, 'nowhere');
    const branch = await history('--repo', url, '--branch', 'no-such', '--out', nowhere);
    assert.equal(branch.code, 2, branch.stderr);
    assert.match(branch.stderr, new RegExp(`The branch 'no-such' does not exist in ${url}`));
    const series = await history(
      '--repo',
      url,
      '--series',
      'qemu master vs xen 4.20',
      '--out',
      nowhere,
    );
    assert.equal(series.code, 2, series.stderr);
    assert.match(
      series.stderr,
      /No flight of the watch series 'qemu master vs xen 4\.20' in refs\/notes\/tributary\/watch \(series recorded there: qemu master vs xen 4\.19, qemu master vs xen unstable\)/,
    );
    const both = await history(
      '--repo',
      url,
      '--branch',
      'staging',
      '--series',
      'x',
      '--out',
      nowhere,
    );
    assert.equal(both.code, 2);
    assert.match(
      both.stderr,
      /Give either --branch \(a tree's flights\) or --series \(a watch series' flights\), not both\./,
    );
    const pages = await history(
      '--repo',
      url,
      '--branch',
      'staging',
      '--pages',
      'some',
      '--out',
      nowhere,
    );
    assert.equal(pages.code, 2);
    assert.match(pages.stderr, /Invalid --pages 'some'. Expected a whole number >= 1, or 'all'/);
    assert.equal(existsSync(nowhere), false);
    for (const r of [branch, series, both, pages])
      assert.ok(!(r.stdout + r.stderr).includes(TOKEN));
  });

  it('writes a watch series: its flights only, the regression against the previous one', async () => {
    const site = join(tmp.path, 'site-watch');
    const r = await history('--repo', url, '--series', SERIES, '--out', site);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /Wrote 1 page of 3 flights/);
    const { page, errors } = await open(join(site, 'index.html'));
    assert.equal(await page.title(), `${SERIES}: watch flight history`);
    assert.deepEqual(await page.locator('th.flight .flight-id').allTextContents(), [
      'w4',
      'w3',
      'w1',
    ]);
    const marks = [];
    for (const f of ['w4', 'w3', 'w1'])
      marks.push(
        (await (await cellOf(page, 'test-amd64-hvm', 'migrate', f)).textContent())?.trim(),
      );
    assert.deepEqual(marks, ['allowable', 'fail', 'pass']);
    const regression = await cellOf(page, 'test-amd64-hvm', 'migrate', 'w3');
    assert.equal(await style(regression, 'backgroundColor'), FAIL_BACKGROUND);
    // Since when and last pass, from the newest flight's own summary.
    const row = page.locator('tr', { has: page.locator('th.step', { hasText: 'migrate' }) });
    assert.deepEqual(
      (await row.locator('td.past').allTextContents()).map((t) => t.replace(/ \(.*/, '')),
      ['flight w3', 'flight w1'],
    );
    assert.match((await page.locator('th.flight').first().textContent()) ?? '', /xen [0-9a-f]{12}/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('brings the notes a page shows in one request, not one per note', async () => {
    const git = await initRepository(join(tmp.path, 'prefetch.git'), {
      remotes: [{ url, token: TOKEN }],
    });
    await fetchHistorySource(git, { url }, { kind: 'branch', branch: 'staging' }, NOTES);
    const blobs = [...(await git.noteBlobs(NOTES, revisions)).values()];
    assert.equal(blobs.length, 3);
    const before = server.requests.length;
    await prefetchBlobs(git, { url }, blobs);
    const fetched = server.requests.length;
    assert.deepEqual(
      server.requests.slice(before).map((r) => r.service),
      ['info-refs', 'upload-pack'],
    );
    for (const b of blobs)
      assert.match(await git.run(['cat-file', 'blob', b]), /tributary\.flight\/v1/);
    assert.equal(server.requests.length, fetched, 'a note was fetched again, lazily');
  });

  it('page 1 loads with no console error: newest flights, marks in text and colour', async () => {
    const { page, errors } = await open('index.html');
    assert.equal(await page.title(), 'xen staging: flight history (page 1 of 2)');
    const flights = await page.locator('th.flight .flight-id').allTextContents();
    assert.deepEqual(flights, ['105', '104']);
    const build = await cellOf(page, 'build-amd64', 'build', '105');
    assert.equal((await build.textContent())?.trim(), 'fail');
    assert.equal(await style(build, 'backgroundColor'), FAIL_BACKGROUND);
    const blocked = await cellOf(page, 'test-amd64-hvm', 'boot', '105');
    assert.equal((await blocked.textContent())?.trim(), 'blocked');
    const flaky = await cellOf(page, 'test-amd64-hvm', 'migrate', '104');
    assert.equal((await flaky.textContent())?.trim(), 'pass in flight 103');
    const allowable = await cellOf(page, 'test-amd64-hvm', 'pci-passthrough', '104');
    assert.equal((await allowable.textContent())?.trim(), 'allowable');
    assert.notEqual(await style(allowable, 'backgroundColor'), FAIL_BACKGROUND);
    // The hostile step name is a row header's text, not an element.
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('th.step', { hasText: HOSTILE }).count(), 1);
    // The run's link.
    assert.equal(
      await page.locator('th.flight .flight-id a').first().getAttribute('href'),
      'https://github.example/xen-project/xen/actions/runs/105',
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, 'history-page-1.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('paging works without script; the known regression shows its colour, text and log', async () => {
    const { page, errors } = await open('page-1.html');
    await Promise.all([page.waitForURL(/page-2\.html$/), page.click('a[rel="next"]')]);
    assert.deepEqual(await page.locator('th.flight .flight-id').allTextContents(), ['103', '102']);
    const regression = await cellOf(page, 'test-amd64-hvm', 'migrate', '102');
    assert.equal((await regression.textContent())?.trim(), 'fail');
    assert.equal(await regression.getAttribute('class'), 'cell fail');
    assert.equal(await style(regression, 'backgroundColor'), FAIL_BACKGROUND);
    assert.equal(await style(regression, 'fontWeight'), '700');
    assert.equal(
      await regression.locator('a').getAttribute('href'),
      'https://logs.example/102/migrate.log',
    );
    assert.match(
      (await regression.getAttribute('title')) ?? '',
      /failing since flight 102.*last pass flight 101.*guest did not come back/,
    );
    const pass = await cellOf(page, 'test-amd64-hvm', 'migrate', '103');
    assert.equal((await pass.textContent())?.trim(), 'pass');
    assert.match((await page.locator('p.more').textContent()) ?? '', /Older flights exist/);
    const shot = join(ARTIFACTS, 'history-page-2.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);
    assert.deepEqual(errors, []);
    // The page is complete without its stylesheet's colours: the marks are text.
    const html = readFileSync(join(out, 'page-2.html'), 'utf8');
    assert.ok(!/<script/i.test(html));
    await page.close();
  });
});

/**
 * The flight-history page's model and its HTML: cells marked as the gate decided (records made
 * by the gate's own judge), since when and last pass from each record's summary, every text
 * from a record escaped, links only to http(s).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FlightJob, FlightRecord, StepStatus } from '../actions/lib/flight.js';
import { judge, type GateSettings } from '../actions/lib/gate/gate.js';
import {
  markFlight,
  pageModel,
  safeUrl,
  type MarkContext,
  type PageModel,
} from '../actions/lib/history/model.js';
import { esc, renderPage } from '../actions/lib/history/render.js';
import type { AllowEntry } from '../actions/lib/gate/allow-list.js';

type Spec = Record<
  string,
  Record<
    string,
    StepStatus | { status: StepStatus; attempts?: StepStatus[]; log?: string; message?: string }
  >
>;

const rev = (n: number) => n.toString(16).padStart(40, '0');
const jobs = (spec: Spec): FlightJob[] =>
  Object.entries(spec).map(([name, steps]) => ({
    name,
    url: `https://ci.example.org/job/${name}`,
    steps: Object.entries(steps).map(([s, v]) =>
      typeof v === 'string' ? { name: s, status: v } : { name: s, ...v },
    ),
  }));

const settings = (): GateSettings => ({
  results: '',
  remote: '',
  tree: 'xen',
  staging: 'staging',
  tested: 'master',
  required: [],
  buildJobs: ['build*'],
  noBaseline: 'push',
  untestedHead: 'ancestor',
  retryFlaky: false,
  dryRun: false,
  notesRef: 'refs/notes/tributary/flights',
  maxWalk: 100,
  flight: 'x',
  workDir: '',
  identity: { name: 't', email: 't@example.org' },
});

/**
 * A history written as the gate writes it: each flight judged by the gate's `judge` against
 * the newest pushed flight (the tested head's) and the earlier flights of its revision.
 */
class History {
  readonly records: FlightRecord[] = [];
  private t = Date.UTC(2026, 0, 1);
  flight(id: string, revision: string, spec: Spec, allowList: AllowEntry[] = []): FlightRecord {
    const baseline = [...this.records].reverse().find((r) => r.decision?.verdict === 'push');
    const sameRevision = this.records.filter((r) => r.revision === revision);
    const s = { ...settings(), now: new Date((this.t += 3_600_000)) };
    const { record } = judge(
      s,
      {
        jobs: jobs(spec),
        trees: [{ name: 'xen', revision }],
        revision,
        sources: new Map(),
        flight: id,
      },
      allowList,
      {
        testedHead: baseline?.revision ?? revision,
        baseline: baseline && { record: baseline, kind: 'head' },
        sameRevision,
      },
    );
    record.trigger = { event: 'push', runUrl: `https://ci.example.org/run/${id}` };
    this.records.push(record);
    return record;
  }
  /** The context the page gives a record: the baseline it names, its revision's earlier flights. */
  context(record: FlightRecord): MarkContext {
    const b = record.decision?.baseline;
    return {
      baseline: b && this.records.find((r) => r.flight === b.flight && r.revision === b.revision),
      sameRevision: this.records.filter(
        (r) => r !== record && r.revision === record.revision && r.recordedAt < record.recordedAt,
      ),
      buildJobs: ['build*'],
    };
  }
}

const GOOD: Spec = {
  'build-amd64': { build: 'pass' },
  'test-hvm': { install: 'pass', boot: 'pass', migrate: 'pass', 'pci-passthrough': 'fail' },
};

function marks(h: History, record: FlightRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [job, cells] of markFlight(record, h.context(record)))
    for (const [step, c] of cells) out[`${job}/${step}`] = `${c.mark}:${c.text}`;
  return out;
}

describe('history page model', () => {
  it('marks each cell as the gate decided: pass, fail, blocked, allowable, pass in N', () => {
    const h = new History();
    h.flight('f1', rev(1), GOOD);
    const f2 = h.flight('f2', rev(2), {
      'build-amd64': { build: 'pass' },
      'test-hvm': {
        install: 'fail',
        boot: 'blocked',
        migrate: 'blocked',
        'pci-passthrough': 'blocked',
      },
    });
    assert.equal(f2.decision?.verdict, 'refuse');
    assert.deepEqual(marks(h, f2), {
      'build-amd64/build': 'pass:pass',
      'test-hvm/install': 'fail:fail',
      'test-hvm/boot': 'blocked:blocked',
      'test-hvm/migrate': 'blocked:blocked',
      'test-hvm/pci-passthrough': 'blocked:blocked',
    });
    // Another flight of the same revision passes install: then a later failure there is flaky.
    h.flight('f3', rev(2), GOOD);
    const f4 = h.flight('f4', rev(2), {
      ...GOOD,
      'test-hvm': { install: 'fail', boot: 'blocked', migrate: 'skip', 'pci-passthrough': 'fail' },
    });
    const m4 = marks(h, f4);
    assert.equal(m4['test-hvm/install'], 'pass-in:pass in flight f3');
    assert.equal(m4['test-hvm/pci-passthrough'], 'allowable:allowable');
    assert.equal(m4['test-hvm/migrate'], 'skip:skip');
    // A retried step that passed in an earlier attempt of the same flight.
    const f5 = h.flight('f5', rev(3), {
      ...GOOD,
      'test-hvm': { ...GOOD['test-hvm'], migrate: { status: 'fail', attempts: ['pass'] } },
    });
    assert.equal(marks(h, f5)['test-hvm/migrate'], 'pass-in:pass in attempt 1 of this flight');
    // A build job's failure is never excused as flaky (the gate's rule), even with a pass elsewhere.
    h.flight('f6', rev(4), GOOD);
    const f7 = h.flight('f7', rev(4), { ...GOOD, 'build-amd64': { build: 'fail' } });
    assert.equal(marks(h, f7)['build-amd64/build'], 'fail:fail');
  });

  it('keeps what the gate decided at the time: an allowed regression stays allowable', () => {
    const h = new History();
    h.flight('f1', rev(1), GOOD);
    const allow: AllowEntry[] = [
      {
        job: 'test-hvm',
        step: 'migrate',
        reason: 'known',
        issue: 'https://example.org/1',
        expires: '2099-12-31',
        source: 'allow.yml',
      },
    ];
    const f2 = h.flight(
      'f2',
      rev(2),
      { ...GOOD, 'test-hvm': { ...GOOD['test-hvm'], migrate: 'fail' } },
      allow,
    );
    assert.equal(f2.decision?.verdict, 'push');
    const cell = markFlight(f2, h.context(f2)).get('test-hvm')!.get('migrate')!;
    assert.equal(cell.mark, 'allowable');
    assert.match(cell.detail, /excused when the gate decided/);
    // The same record without its recorded decision is judged afresh: a regression.
    const bare = { ...f2, decision: undefined };
    assert.equal(markFlight(bare, h.context(f2)).get('test-hvm')!.get('migrate')!.mark, 'fail');
  });

  it('gives since when and last pass from the records, newest flight first', () => {
    const h = new History();
    h.flight('f1', rev(1), GOOD);
    h.flight('f2', rev(2), { ...GOOD, 'test-hvm': { ...GOOD['test-hvm'], migrate: 'fail' } });
    h.flight('f3', rev(2), { ...GOOD, 'test-hvm': { ...GOOD['test-hvm'], migrate: 'fail' } });
    const shown = [...h.records].reverse();
    const m = pageModel(shown, (r) => h.context(r), {
      title: 't',
      page: 1,
      pages: 1,
      more: false,
      perPage: 10,
      damaged: [],
      generatedAt: '2026-01-01T00:00:00Z',
    });
    assert.deepEqual(
      m.columns.map((c) => c.flight),
      ['f3', 'f2', 'f1'],
    );
    assert.equal(m.columns[0].runUrl, 'https://ci.example.org/run/f3');
    assert.equal(m.columns[1].verdict, 'refuse');
    const migrate = m.jobs[1].rows.find((r) => r.step === 'migrate')!;
    assert.deepEqual(
      migrate.cells.map((c) => c.mark),
      ['fail', 'fail', 'pass'],
    );
    assert.equal(migrate.failingSince?.flight, 'f2');
    assert.equal(migrate.lastPass?.flight, 'f1');
    assert.equal(migrate.cells[0].href, 'https://ci.example.org/job/test-hvm');
    const pci = m.jobs[1].rows.find((r) => r.step === 'pci-passthrough')!;
    assert.equal(pci.neverPassed, true);
    assert.equal(pci.failingSince?.flight, 'f1');
    // A step only an older flight ran is "not run" in the newer ones.
    const h2 = new History();
    h2.flight('g1', rev(1), { ...GOOD, extra: { only: 'pass' } });
    h2.flight('g2', rev(2), GOOD);
    const m2 = pageModel([...h2.records].reverse(), (r) => h2.context(r), {
      ...m,
      damaged: [],
    });
    const extra = m2.jobs.find((g) => g.job === 'extra')!.rows;
    const only = extra.find((r) => r.step === 'only')!;
    assert.deepEqual(
      only.cells.map((c) => `${c.mark}:${c.text}`),
      ['not-run:not run', 'pass:pass'],
    );
    // The gate calls a job that passed in the baseline and did not run a regression: the page
    // shows it failing on the job's own row.
    const whole = extra.find((r) => r.step === '(job)')!;
    assert.deepEqual(
      whole.cells.map((c) => c.mark),
      ['fail', 'not-run'],
    );
    assert.match(whole.cells[0].detail, /did not run/);
    // A step that passed in the baseline and is gone from a job that ran: failing, in text too.
    const h3 = new History();
    h3.flight('k1', rev(1), GOOD);
    const withoutMigrate = Object.fromEntries(
      Object.entries(GOOD['test-hvm']).filter(([step]) => step !== 'migrate'),
    );
    const k2 = h3.flight('k2', rev(2), { ...GOOD, 'test-hvm': withoutMigrate });
    assert.equal(k2.decision?.verdict, 'refuse');
    assert.equal(marks(h3, k2)['test-hvm/migrate'], 'fail:not run');
  });

  it('follows only http(s) links', () => {
    assert.equal(safeUrl('https://ci.example.org/a'), 'https://ci.example.org/a');
    assert.equal(safeUrl('javascript:alert(1)'), undefined);
    assert.equal(safeUrl('logs/build.log'), undefined);
    assert.equal(safeUrl(42), undefined);
  });
});

describe('history page HTML', () => {
  const HOSTILE = `<img src=x onerror="alert(1)">'&"\``;
  function hostileModel(): PageModel {
    const h = new History();
    const spec = (ok: StepStatus): Spec => ({
      [`build ${HOSTILE}`]: {
        [HOSTILE]: {
          status: 'fail',
          message: `</td><script>alert(2)</script>`,
          log: 'javascript:alert(3)',
        },
        ok,
      },
    });
    h.flight(`f${HOSTILE}`, rev(1), spec('pass'));
    const r = h.flight('f2', rev(2), spec('fail'));
    r.trigger = { runUrl: 'javascript:alert(4)' };
    (r.decision as { reason: string }).reason = `<b>${HOSTILE}</b>`;
    return pageModel([...h.records].reverse(), (x) => h.context(x), {
      title: `xen <master>`,
      page: 2,
      pages: 3,
      more: true,
      perPage: 2,
      damaged: [{ commit: rev(9), error: `bad <record>` }],
      generatedAt: '2026-01-01T00:00:00Z',
    });
  }

  it('escapes every text from a record and links nothing but http(s)', () => {
    const html = renderPage(hostileModel());
    assert.ok(!html.includes('<img'), 'a step name became markup');
    assert.ok(!html.includes('<script'), 'a message became markup');
    assert.ok(!html.includes('<b>'), 'a reason became markup');
    assert.ok(!html.includes('javascript:'), 'a javascript: URL was kept');
    assert.ok(html.includes(esc(HOSTILE)), 'the hostile name is shown, escaped');
    assert.ok(html.includes('bad &lt;record&gt;'), 'the damaged record is reported');
    assert.equal(esc(`<a href='x'>&"\``), '&lt;a href=&#39;x&#39;&gt;&amp;&quot;&#96;');
  });

  it('is a table with headers, marks in text, and links between pages', () => {
    const html = renderPage(hostileModel());
    assert.match(html, /<caption>Flights 3 to 4, newest first/);
    assert.equal((html.match(/<th scope="col" id="flight-/g) ?? []).length, 2);
    assert.match(html, /<th scope="rowgroup" rowspan="2" id="job-1" class="job">build &lt;img/);
    assert.match(html, /<th scope="row" id="step-1-1" class="step">&lt;img/);
    assert.match(
      html,
      /<td class="cell fail" headers="job-1 step-1-2 flight-1" title="[^"]*"><a href="https:[^"]*">fail<\/a><\/td>/,
    );
    assert.match(html, /<td class="cell allowable" headers="[^"]*" title="[^"]*never passed/);
    assert.match(html, /<a href="page-1.html" rel="prev">Newer flights<\/a>/);
    assert.match(html, /<a href="page-3.html" rel="next">Older flights<\/a>/);
    assert.match(html, /<span aria-current="page">2<\/span>/);
    assert.match(html, /<link rel="stylesheet" href="history.css">/);
    assert.ok(!/<script/i.test(html), 'the page needs no script');
  });
});

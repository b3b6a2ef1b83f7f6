/**
 * JUnit XML, both ways. Read as job results, so any existing test job can feed the gate: a
 * testsuite is a job, a testcase a step (failure or error → fail, skipped → skip, else pass);
 * JUnit knows no revisions, so a suite may name them with properties `tributary.tree.<name>` =
 * commit id. Written from jobs (a hypervisor-test job, a gated flight), so any test-report
 * tool can show a flight: what is written reads back as the same steps.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ConfigurationError } from './errors.js';
import {
  JOB_RESULT_FORMAT,
  type JobResult,
  type StepResult,
  type StepStatus,
  type TreeRevision,
} from './flight.js';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Elements that may repeat are always lists, so one testcase and many read alike.
  isArray: (name) => ['testsuite', 'testcase', 'property', 'failure', 'error'].includes(name),
  processEntities: true,
  // Numeric character references (&#60;) are what JUnit writers, ours included, emit.
  htmlEntities: true,
  parseAttributeValue: false,
  parseTagValue: false,
});

const asList = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v ? [v as Node] : []);

/** Whether a text is a JUnit report at all (root testsuites or testsuite). */
export function looksLikeJUnit(text: string): boolean {
  return /<testsuites[\s>]|<testsuite[\s>]/.test(text.slice(0, 4096));
}

/** Every testsuite of a JUnit file as a job result; `source` names the file in errors. */
export function parseJUnit(text: string, source: string): JobResult[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new ConfigurationError(
      source,
      `${source}: not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`,
    );
  }
  const doc = parser.parse(text) as Node;
  const suites: Node[] = doc.testsuites
    ? asList((doc.testsuites as Node).testsuite)
    : asList(doc.testsuite);
  if (!doc.testsuites && !doc.testsuite)
    throw new ConfigurationError(
      source,
      `${source}: not a JUnit report (no testsuites or testsuite root)`,
    );
  return suites.flatMap((suite, i) => suiteResults(suite, `${source}: testsuite[${i}]`));
}

function suiteResults(suite: Node, where: string): JobResult[] {
  // Nested suites (some tools group that way) are jobs of their own.
  const nested = asList(suite.testsuite).flatMap((s, i) =>
    suiteResults(s, `${where}.testsuite[${i}]`),
  );
  const cases = asList(suite.testcase);
  if (!cases.length) return nested;
  const job = String(suite['@name'] ?? '').trim();
  if (!job) throw new ConfigurationError(where, `${where}: attribute 'name' (the job) is missing`);
  const trees: TreeRevision[] = [];
  const props = asList((suite.properties as Node | undefined)?.property);
  for (const p of props) {
    const name = String(p['@name'] ?? '');
    const m = /^tributary\.tree\.(.+)$/.exec(name);
    if (!m) continue;
    const revision = String(p['@value'] ?? '');
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(revision))
      throw new ConfigurationError(
        where,
        `${where}: property '${name}' is '${revision}'; expected a full commit id (40 hex digits)`,
      );
    trees.push({ name: m[1], revision });
  }
  const seen = new Set<string>();
  const steps: StepResult[] = cases.map((c, j) => {
    const name = String(c['@name'] ?? '').trim();
    if (!name)
      throw new ConfigurationError(
        where,
        `${where}.testcase[${j}]: attribute 'name' (the step) is missing`,
      );
    if (seen.has(name))
      throw new ConfigurationError(
        where,
        `${where}.testcase[${j}]: field 'name' repeats step '${name}' of job '${job}'; step names must be unique within a job`,
      );
    seen.add(name);
    const failure = asList(c.failure)[0] ?? asList(c.error)[0];
    const step: StepResult = {
      name,
      status: failure ? 'fail' : c.skipped !== undefined ? 'skip' : 'pass',
    };
    const time = Number(c['@time']);
    if (Number.isFinite(time) && time >= 0) step.durationMs = Math.round(time * 1000);
    if (failure) {
      const message = typeof failure === 'object' ? failure['@message'] : undefined;
      if (message) step.message = String(message).split('\n')[0];
      if (typeof failure === 'object' && failure['@type'] === 'blocked') step.status = 'blocked';
    }
    return step;
  });
  return [{ format: JOB_RESULT_FORMAT, job, trees, steps }, ...nested];
}

// ---- writing: any test-report tool can show a flight ---------------------------------------

// XML 1.0 cannot carry most control characters, so they are dropped.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function xml(s: string): string {
  return s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`).replace(CONTROL, '');
}

/** JUnit XML for jobs: a testsuite per job, a testcase per step. */
export function toJUnit(name: string, jobs: { name: string; steps: StepResult[] }[]): string {
  const count = (steps: StepResult[], ...st: StepStatus[]) =>
    steps.filter((s) => st.includes(s.status)).length;
  const all = jobs.flatMap((j) => j.steps);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(name)}" tests="${all.length}" failures="${count(all, 'fail', 'blocked')}" skipped="${count(all, 'skip')}">`,
  ];
  for (const job of jobs) {
    const time = job.steps.reduce((t, s) => t + (s.durationMs ?? 0), 0) / 1000;
    lines.push(
      `  <testsuite name="${xml(job.name)}" tests="${job.steps.length}" failures="${count(job.steps, 'fail', 'blocked')}" skipped="${count(job.steps, 'skip')}" time="${time.toFixed(3)}">`,
    );
    for (const s of job.steps) {
      const attrs = `classname="${xml(job.name)}" name="${xml(s.name)}" time="${((s.durationMs ?? 0) / 1000).toFixed(3)}"`;
      const detail = [s.message, s.log ? `log: ${s.log}` : ''].filter(Boolean).join('\n');
      if (s.status === 'pass') lines.push(`    <testcase ${attrs}/>`);
      else if (s.status === 'skip') lines.push(`    <testcase ${attrs}><skipped/></testcase>`);
      else {
        const msg =
          s.status === 'blocked' ? 'blocked: a step before it failed' : (s.message ?? 'failed');
        lines.push(
          `    <testcase ${attrs}><failure message="${xml(msg)}" type="${s.status}">${xml(detail)}</failure></testcase>`,
        );
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

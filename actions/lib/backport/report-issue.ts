/**
 * Keeps a scheduled report in one issue: found again by a hidden marker in its body, updated
 * in place, opened only when no open issue carries the marker. A closed one is left closed:
 * the next report opens a new issue, since someone decided the old one was done.
 */
import type { GitHub } from '../github.js';
import type { Logger } from '../log.js';
import { parseRepository } from '../github.js';

/** GitHub refuses bodies longer than this. */
const BODY_LIMIT = 65536;

export function reportMarker(kind: string, subject: string): string {
  return `<!-- tributary:${kind} ${subject.replace(/--/g, '-')} -->`;
}

export interface PublishOptions {
  repository: string;
  title: string;
  marker: string;
  body: string;
  labels?: string[];
  logger?: Logger;
}

export async function publishReport(
  github: GitHub,
  options: PublishOptions,
): Promise<{ number: number; url: string; created: boolean }> {
  const { owner, repo } = parseRepository(options.repository);
  let body = `${options.marker}\n${options.body}`;
  if (body.length > BODY_LIMIT) {
    const note = '\n\n_(cut short: the whole report is in the workflow run summary)_\n';
    body = body.slice(0, BODY_LIMIT - note.length) + note;
  }
  const existing = await github.paginate(github.rest.issues.listForRepo, {
    owner,
    repo,
    state: 'open',
    per_page: 100,
    ...(options.labels?.length ? { labels: options.labels.join(',') } : {}),
  });
  const mine = existing.find((i) => !i.pull_request && (i.body ?? '').includes(options.marker));
  if (mine) {
    const r = await github.rest.issues.update({
      owner,
      repo,
      issue_number: mine.number,
      title: options.title,
      body,
    });
    options.logger?.info(`Updated issue #${mine.number}.`);
    return { number: mine.number, url: r.data.html_url, created: false };
  }
  const r = await github.rest.issues.create({
    owner,
    repo,
    title: options.title,
    body,
    labels: options.labels,
  });
  options.logger?.info(`Opened issue #${r.data.number}.`);
  return { number: r.data.number, url: r.data.html_url, created: true };
}

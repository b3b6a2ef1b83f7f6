#!/usr/bin/env node
// node scripts/release-notes.mjs vX.Y.Z [--changelog FILE] [--package FILE]
//
// Prints the CHANGELOG.md section of a release (the text under `## [X.Y.Z] - YYYY-MM-DD`, up to
// the next `## ` heading), which the release workflow uses as the GitHub release's notes. It
// first checks what must hold before anything is published: the tag is vX.Y.Z, package.json
// has that version (the npm package and the --version the command prints), and the section
// exists and says something. Exit 0 with the notes on stdout; 1 when the repository is not
// ready for that release; 2 on bad usage.
import { readFileSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The `## [version]` section of a Keep a Changelog file: its heading and body, or undefined. */
function changelogSection(text, version) {
  const lines = text.split(/\r?\n/);
  const heading = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\](?:\\s|$)`);
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return undefined;
  const after = lines.slice(start + 1);
  // The section ends at the next release heading, or at the link definitions at the bottom.
  const end = after.findIndex((l) => /^## /.test(l) || /^\[[^\]]+\]:\s/.test(l));
  const body = (end < 0 ? after : after.slice(0, end)).join('\n').trim();
  return { heading: lines[start], body };
}

function fail(code, message) {
  process.stderr.write(`release-notes: ${message}\n`);
  process.exit(code);
}

function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { changelog: { type: 'string' }, package: { type: 'string' } },
    });
  } catch (e) {
    fail(2, e.message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) fail(2, 'usage: release-notes.mjs vX.Y.Z [--changelog FILE]');
  const tag = positionals[0];
  const m = /^v(\d+\.\d+\.\d+)$/.exec(tag);
  if (!m) fail(2, `Invalid tag '${tag}'. Expected vX.Y.Z, such as v1.0.0.`);
  const version = m[1];
  const packageFile = values.package ?? join(root, 'package.json');
  const changelogFile = values.changelog ?? join(root, 'CHANGELOG.md');
  const declared = JSON.parse(readFileSync(packageFile, 'utf8')).version;
  if (declared !== version)
    fail(
      1,
      `${packageFile} has version '${declared}' but the tag is ${tag}: set the version to ` +
        `${version}, run npm run build, commit, then tag that commit.`,
    );
  const section = changelogSection(readFileSync(changelogFile, 'utf8'), version);
  if (section === undefined)
    fail(
      1,
      `${changelogFile} has no section '## [${version}] - YYYY-MM-DD': move the Unreleased ` +
        `entries under it before tagging.`,
    );
  if (!/^## \[[^\]]+\] - \d{4}-\d{2}-\d{2}$/.test(section.heading))
    fail(
      1,
      `${changelogFile}: '${section.heading}' has no release date; expected ` +
        `'## [${version}] - YYYY-MM-DD'.`,
    );
  if (!section.body) fail(1, `${changelogFile}: the section of ${version} is empty.`);
  process.stdout.write(section.body + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

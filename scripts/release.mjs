// Release helper. Three commands:
//   node scripts/release.mjs X.Y.Z            sets the version in package.json (and its lock), the README's pinned
//                                             examples (@vX, rev: vX.Y.Z, report-check@X.Y.Z) and turns the
//                                             CHANGELOG's "Unreleased" section into "X.Y.Z - today"
//   node scripts/release.mjs notes X.Y.Z      prints the CHANGELOG section of X.Y.Z (the GitHub release's text)
//   node scripts/release.mjs check vX.Y.Z     fails unless the tag, package.json, the README's pins and the
//                                             CHANGELOG all name the same release (the release workflow runs it)
// --root DIR works on a copy (CI exercises the script there); --date YYYY-MM-DD fixes the release date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY_URL = 'https://github.com/report-check/report-check';
const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

/** The error a user sees as one line, without a stack trace. */
class ReleaseError extends Error {}

/** Parses "X.Y.Z" into numbers, or throws saying what a version looks like. */
function parseVersion(text) {
  const match = SEMVER.exec(text ?? '');
  if (!match)
    throw new ReleaseError(`"${text ?? ''}" is not a version; write it as X.Y.Z, for example 1.2.0`);
  return match.slice(1).map(Number);
}

function compareVersions(a, b) {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** The body of `## [version]` in a Keep a Changelog file (without its heading), or null when there is none. */
export function changelogSection(changelog, version) {
  const lines = changelog.split('\n');
  const heading = new RegExp(`^## \\[${version.replace(/[.]/g, '\\.')}\\]`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start === -1) return null;
  let end = lines.findIndex((line, i) => i > start && (/^## /.test(line) || /^\[[^\]]+\]: /.test(line)));
  if (end === -1) end = lines.length;
  return lines
    .slice(start + 1, end)
    .join('\n')
    .trim();
}

/** The README with every pinned example naming `version`. */
export function pinReadme(readme, version) {
  const [major] = parseVersion(version);
  return readme
    .replace(/(report-check\/report-check@)v\d+\b(?!\.)/g, `$1v${major}`)
    .replace(/(\brev: )v\d+\.\d+\.\d+/g, `$1v${version}`)
    .replace(/(\breport-check@)\d+\.\d+\.\d+/g, `$1${version}`)
    .replace(/(# )v\d+\.\d+\.\d+/g, `$1v${version}`);
}

/** The pins in the README that do not name `version` (empty when all do). */
export function stalePins(readme, version) {
  const [major] = parseVersion(version);
  const pins = [
    ...[...readme.matchAll(/report-check\/report-check@(v\d+)\b(?!\.)/g)].map((m) => [
      m[0],
      m[1] === `v${major}`,
    ]),
    ...[...readme.matchAll(/\brev: (v\d+\.\d+\.\d+)/g)].map((m) => [m[0], m[1] === `v${version}`]),
    ...[...readme.matchAll(/\breport-check@(\d+\.\d+\.\d+)/g)].map((m) => [m[0], m[1] === version]),
  ];
  return pins.filter(([, ok]) => !ok).map(([text]) => text);
}

/** The CHANGELOG with its Unreleased entries moved under `## [version] - date`, and the compare links updated. */
export function releaseChangelog(changelog, version, date, previous) {
  const unreleased = changelogSection(changelog, 'Unreleased');
  if (unreleased === null) throw new ReleaseError('CHANGELOG.md has no "## [Unreleased]" section');
  if (unreleased === '')
    throw new ReleaseError('CHANGELOG.md lists nothing under "## [Unreleased]": nothing to release');
  if (changelogSection(changelog, version) !== null) {
    throw new ReleaseError(`CHANGELOG.md already has a section for ${version}`);
  }
  const heading = changelog.match(/^## \[Unreleased\].*$/m)[0];
  let out = changelog.replace(heading, `## [Unreleased]\n\n## [${version}] - ${date}`);
  const link = previous
    ? `${REPOSITORY_URL}/compare/v${previous}...v${version}`
    : `${REPOSITORY_URL}/releases/tag/v${version}`;
  out = out.replace(
    /^\[Unreleased\]: .*$/m,
    `[Unreleased]: ${REPOSITORY_URL}/compare/v${version}...HEAD\n[${version}]: ${link}`,
  );
  return out;
}

/** The version of the last released section (the first `## [X.Y.Z]`), or null before the first release. */
function lastReleased(changelog) {
  return changelog.match(/^## \[(\d+\.\d+\.\d+)\]/m)?.[1] ?? null;
}

function bump(root, version, date) {
  parseVersion(version);
  const read = (name) => readFileSync(join(root, name), 'utf8');
  const pkg = JSON.parse(read('package.json'));
  if (compareVersions(version, pkg.version) < 0) {
    throw new ReleaseError(`${version} is lower than package.json's ${pkg.version}`);
  }
  const changelog = read('CHANGELOG.md');
  const previous = lastReleased(changelog);
  if (previous && compareVersions(version, previous) <= 0) {
    throw new ReleaseError(`${version} is not newer than the last release in CHANGELOG.md, ${previous}`);
  }
  const newChangelog = releaseChangelog(changelog, version, date, previous);
  pkg.version = version;
  const lock = JSON.parse(read('package-lock.json'));
  lock.version = version;
  lock.packages[''].version = version;
  writeFileSync(join(root, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(join(root, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  writeFileSync(join(root, 'README.md'), pinReadme(read('README.md'), version));
  writeFileSync(join(root, 'CHANGELOG.md'), newChangelog);
  const [major] = parseVersion(version);
  console.log(
    [
      `Version ${version}: package.json, package-lock.json, README.md (@v${major}, rev: v${version}) and CHANGELOG.md updated.`,
      'Next: npm run bundle (the CLI prints the version), commit, then',
      `  git tag -a v${version} -m v${version} && git push origin HEAD v${version}`,
      'The release workflow checks, publishes to npm and moves the major tag.',
    ].join('\n'),
  );
}

function check(root, tag) {
  const version = (tag ?? '').replace(/^refs\/tags\//, '').replace(/^v/, '');
  parseVersion(version);
  const read = (name) => readFileSync(join(root, name), 'utf8');
  const problems = [];
  const pkg = JSON.parse(read('package.json'));
  if (pkg.version !== version)
    problems.push(`package.json has version ${pkg.version}, the tag is v${version}`);
  const stale = stalePins(read('README.md'), version);
  if (stale.length) problems.push(`README.md pins another release: ${stale.join(', ')}`);
  const section = changelogSection(read('CHANGELOG.md'), version);
  if (!section) problems.push(`CHANGELOG.md has no entries under "## [${version}]"`);
  if (problems.length) throw new ReleaseError(`v${version} is not ready to release: ${problems.join('; ')}`);
  console.log(`v${version}: package.json, README.md and CHANGELOG.md agree.`);
}

function main(argv) {
  let root = fileURLToPath(new URL('..', import.meta.url));
  let date = new Date().toISOString().slice(0, 10);
  const args = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--root') root = argv[++i];
    else if (argv[i] === '--date') date = argv[++i];
    else args.push(argv[i]);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? ''))
    throw new ReleaseError(`--date wants YYYY-MM-DD, got "${date ?? ''}"`);
  const [command, value] = args;
  if (command === 'notes') {
    parseVersion(value);
    const section = changelogSection(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), value);
    if (!section) throw new ReleaseError(`CHANGELOG.md has no entries under "## [${value}]"`);
    process.stdout.write(`${section}\n`);
  } else if (command === 'check') {
    check(root, value);
  } else if (args.length === 1) {
    bump(root, command, date);
  } else {
    throw new ReleaseError(
      'usage: node scripts/release.mjs X.Y.Z | notes X.Y.Z | check vX.Y.Z [--root DIR] [--date YYYY-MM-DD]',
    );
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ReleaseError) && error?.code !== 'ENOENT') throw error;
  console.error(`release: ${error.message}`);
  process.exit(1);
}

// The course checker's verdicts, through scripts/course-checker-driver.py (one Python process per job imports each
// edition's report.py once), cached by the SHA-256 of checker, edition and text: shared by the differential runs.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
export const PYTHON = '/usr/bin/python3';
const DRIVER = join(root, 'scripts', 'course-checker-driver.py');
export const EDITIONS = ['2023', '2024', '2025', '2026'];

export function checkerHashes(corpus) {
  return Object.fromEntries(
    EDITIONS.map((edition) => {
      const file = join(corpus, 'checkers', edition, 'report.py');
      return [edition, existsSync(file) ? sha256(readFileSync(file)) : null];
    }),
  );
}

export function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

/** The cache key of `text` checked by `edition`'s checker (`hashes` from {@link checkerHashes}). */
export function verdictKey(hashes, edition, text) {
  return sha256(`${hashes[edition]}\0${edition}\0${text}`);
}

/** Appends the driver's `fresh` verdicts to the cache file and to `cache`. */
export function storeVerdicts(file, cache, fresh) {
  if (!fresh.size) return;
  mkdirSync(dirname(file), { recursive: true });
  const lines = [...fresh.values()].map(
    (v) => `${JSON.stringify({ key: v.key, status: v.status, error: v.error, failures: v.failures })}\n`,
  );
  appendFileSync(file, lines.join(''));
  for (const [key, verdict] of fresh) cache.set(key, verdict);
}

export function loadCache(file) {
  const cache = new Map();
  if (!existsSync(file)) return cache;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      const entry = JSON.parse(line);
      cache.set(entry.key, entry);
    } catch {
      // a line cut short by an interrupted run: that text is simply run again
    }
  }
  return cache;
}

/** Runs the driver over `jobs` in `count` Python processes; resolves to the verdicts by key. */
export async function runDriver(corpus, jobs, count, verify) {
  const shares = Array.from({ length: count }, (_, j) => jobs.filter((_, i) => i % count === j)).filter(
    (share) => share.length,
  );
  const parts = await Promise.all(
    shares.map(
      (share) =>
        new Promise((done, failed) => {
          const child = spawn(PYTHON, [DRIVER, join(corpus, 'checkers'), ...(verify ? ['--verify'] : [])], {
            stdio: ['pipe', 'pipe', 'pipe'],
            env: { ...process.env, LC_ALL: 'C.UTF-8', PYTHONIOENCODING: 'utf-8' },
          });
          const out = [];
          const err = [];
          child.stdout.on('data', (chunk) => out.push(chunk));
          child.stderr.on('data', (chunk) => err.push(chunk));
          child.on('error', failed);
          child.on('close', (code) => {
            if (code !== 0)
              failed(new Error(`driver exited ${code}: ${Buffer.concat(err).toString().slice(-500)}`));
            else
              done(
                Buffer.concat(out)
                  .toString('utf8')
                  .split('\n')
                  .filter(Boolean)
                  .map((line) => JSON.parse(line)),
              );
          });
          for (const job of share) {
            child.stdin.write(
              `${JSON.stringify({ key: job.key, edition: job.edition, content: Buffer.from(job.text, 'utf8').toString('base64') })}\n`,
            );
          }
          child.stdin.end();
        }),
    ),
  );
  return new Map(parts.flat().map((verdict) => [verdict.key, verdict]));
}

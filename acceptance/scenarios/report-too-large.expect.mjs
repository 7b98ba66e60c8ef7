// The report grows past 1 MiB: it is not read; the step fails with one message naming the size (no stack trace,
// which the common checks look for).
import { gate } from '../lib/expect.mjs';
import { normalize } from '../lib/checks.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1 });
  const big = (m) => /MiB|too large|bytes/i.test(m);
  const where = [...v.diagnostics(1).map((d) => d.message), ...v.annotations(1).map((a) => a.message)];
  t.ok(
    where.some(big),
    `no finding or annotation names the size: ${JSON.stringify(where.map(normalize)).slice(0, 200)}`,
  );
  t.le(v.annotations(1).filter((a) => a.level === 'error').length, 3, 'error annotations');
}

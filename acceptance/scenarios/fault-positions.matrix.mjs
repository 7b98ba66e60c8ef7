// Faults at generated positions (lib/fault-positions.mjs): a clean run of each base is logged, every request it
// made becomes a position, and a seeded sample of position x fault kind runs (FAULT_POSITIONS=all: every pair, for a
// local hunt; FAULT_POSITIONS=N: a sample of N; FAULT_SEED: another sample). Each base ends with a clean rerun, so
// the last run shows what the PR is left with.
import { shortHang } from '../lib/hang.mjs';
import { KINDS, cleanRequests, fits, positionChecks, positionsOf, seeded } from '../lib/fault-positions.mjs';
import { writeFaultScenario } from './write-faults.matrix.mjs';

/** Bases: report-changed run twice more after a first run (`first`), and the moved-findings push (`moved`). */
const BASES = {
  first: { position: { base: 'first' }, runs: 3, reviews: 1 },
  moved: { position: { base: 'moved' }, runs: 3, reviews: 2 },
};

const SAMPLE = 24;

/**
 * Positions x kinds the generator found wrong once, run on every CI run beside the sample: a contents answer `[]`
 * (an empty directory listing, which git cannot have) read as "the report does not exist", posted to the student
 * and, on the rerun, every thread resolved as fixed; a PR file list `[]` at the head the event counts changed
 * files at, read as "the report is not changed": a pass (and on a rerun, every thread resolved).
 */
const ALWAYS = [
  'fault-at-first-r1-get-contents-reports-READMEmd-1-body-array',
  'fault-at-first-r2-get-contents-reports-READMEmd-1-body-array',
  'fault-at-first-r1-get-pulls-files-1-body-array',
  'fault-at-first-r2-get-pulls-files-1-body-array',
  'fault-at-moved-r2-get-pulls-files-1-body-array',
];

function all() {
  const out = [];
  for (const [baseName, base] of Object.entries(BASES)) {
    const clean = {
      ...writeFaultScenario(`clean-${baseName}`, {}, { ...base.position, route: '* /none', nth: 1, run: 1 }),
      runs: base.runs,
    };
    // The last run is a clean rerun; the moved base's first run is the first base's, covered there.
    const positions = positionsOf(cleanRequests(baseName, clean));
    for (const p of positions.filter((x) => x.run < base.runs && (baseName === 'first' || x.run > 1)))
      for (const [kindName, kind] of Object.entries(KINDS)) {
        if (!fits(kind, p)) continue;
        const name = `fault-at-${baseName}-${p.name}-${kindName}`;
        const scenario = {
          ...clean,
          name,
          description: `${JSON.stringify(kind.fault).slice(0, 80)} at ${p.route} #${p.nth}`,
          faults: [{ route: p.route, nth: p.nth, count: 1, ...kind.fault }],
        };
        const expected = { ...p, class: kind.class, hang: Boolean(kind.hang), reviews: base.reviews };
        out.push({
          name,
          position: `${baseName}-${p.name}`,
          scenario: kind.hang ? shortHang(scenario) : scenario,
          check: (v, t) => positionChecks(v, t, expected),
          options: { expectOutputs: false },
        });
      }
  }
  return out;
}

/**
 * The seeded sample: every position once, with a kind drawn for it (so reads and writes, first runs and reruns all
 * get a fault on every CI run), then the cases in {@link ALWAYS}.
 */
function sample(list) {
  const want = process.env.FAULT_POSITIONS ?? String(SAMPLE);
  if (want === 'all') return list;
  const rand = seeded(process.env.FAULT_SEED ?? 'issue-8');
  const byPosition = new Map();
  for (const x of list.filter((y) => !ALWAYS.includes(y.name)))
    byPosition.set(x.position, [...(byPosition.get(x.position) ?? []), x]);
  const drawn = [...byPosition.values()].map((kinds) => kinds[Math.floor(rand() * kinds.length)]);
  while (drawn.length > Number(want)) drawn.splice(Math.floor(rand() * drawn.length), 1);
  return [...list.filter((x) => ALWAYS.includes(x.name)), ...drawn].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

export default sample(all());

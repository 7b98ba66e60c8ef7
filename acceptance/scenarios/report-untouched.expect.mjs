// The PR does not touch the report: succeed quickly with a notice, post nothing (a required check must still report).
export const options = { expectOutputs: false };

export default async function (v, t) {
  const run = v.run(1);
  t.eq(run.exitCode, 0, 'exit code');
  t.eq(run.conclusion, 'success', 'conclusion');
  t.ge(v.annotations(1).filter((a) => a.level === 'notice').length, 1, 'notice annotations');
  t.eq(v.writes(1).length, 0, 'write requests');
  // As the README says: four reads (their one round trip is not measurable without latency; see firstRunTargets).
  t.le(v.stats(1).requests, 4, 'requests');
  t.note(`${v.stats(1).requests} requests, ${v.stats(1).roundTrips} round trips`);
}

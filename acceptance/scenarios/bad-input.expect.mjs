// fail-on: sometimes: rejected with a message naming the input and the allowed values; nothing posted.
export const options = { expectOutputs: false };

export default async function (v, t) {
  const run = v.run(1);
  t.eq(run.exitCode, 1, 'exit code');
  t.eq(run.conclusion, 'failure', 'conclusion');
  const errors = v.annotations(1).filter((a) => a.level === 'error');
  t.ok(
    errors.some(
      (a) => /fail-on/.test(a.message) && ['error', 'warning', 'never'].every((x) => a.message.includes(x)),
    ),
    `no error names the input fail-on and its values error, warning, never: ${JSON.stringify(errors.map((a) => a.message))}`,
  );
  t.eq(v.writes().length, 0, 'write requests');
}

// fail-on: sometimes: rejected with a message naming the input and the allowed values; nothing posted.
import { failedWithError } from '../lib/expect.mjs';

export const options = { expectOutputs: false };

export default async function (v, t) {
  failedWithError(
    v,
    t,
    (message) => /fail-on/.test(message) && ['error', 'warning', 'never'].every((x) => message.includes(x)),
    'names the input fail-on and its values error, warning, never',
  );
  t.eq(v.writes().length, 0, 'write requests');
}

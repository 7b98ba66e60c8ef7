// No PR in the payload: check the report at GITHUB_SHA (it has the violations), post no comments, fail the gate.
import { checkedWithoutComments } from '../lib/expect.mjs';

export default async function (v, t) {
  checkedWithoutComments(v, t);
}

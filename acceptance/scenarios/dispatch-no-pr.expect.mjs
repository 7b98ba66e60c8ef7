// workflow_dispatch without pr-number: check the report at the dispatched ref (main has the violations), post
// nothing, fail on the findings.
import { checkedWithoutComments } from '../lib/expect.mjs';

export default async function (v, t) {
  checkedWithoutComments(v, t, [undefined, 'main', 'refs/heads/main', v.run(1).env.GITHUB_SHA]);
}

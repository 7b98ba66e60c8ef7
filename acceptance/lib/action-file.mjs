// Is there an action to run? action.yml with runs.main pointing at an existing file. Returns null or a reason.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export default function actionProblem(root) {
  const file = ['action.yml', 'action.yaml'].map((f) => join(root, f)).find(existsSync);
  if (!file) return 'no action.yml in the repository root (the action is not there yet)';
  const main = /^\s+main:\s*['"]?([^'"\s#]+)/m.exec(readFileSync(file, 'utf8'))?.[1];
  if (!main) return 'action.yml has no runs.main';
  if (!existsSync(join(root, main))) return `runs.main ${main} does not exist: run \`npm run bundle\``;
  return null;
}

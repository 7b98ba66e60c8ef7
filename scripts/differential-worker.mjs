// One engine worker of scripts/differential.mjs: imports the bundled engine and yardstick, checks each edit it
// is sent with strict false and true, and answers with the yardstick's problems. Workers let the engine's share
// of the run use every core the checker's Python processes leave.
import { parentPort, workerData } from 'node:worker_threads';

const engine = await import(workerData.engine);

parentPort.on('message', (batch) => {
  const answers = batch.map(({ index, text, edition, given, oracle }) => {
    const run = (strict) =>
      engine.checkReport({ path: 'reports/README.md', content: text, strict, ...(given ? { edition } : {}) });
    const loose = run(false);
    const strict = run(true);
    return {
      index,
      verdict: engine.verdictProblems(loose, oracle),
      gate: engine.gateProblems(loose, oracle, text, edition, false),
      gateStrict: engine.gateProblems(strict, oracle, text, edition, true).map((p) => `strict: ${p}`),
    };
  });
  parentPort.postMessage(answers);
});

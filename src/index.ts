import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { runAction, type ActionLog } from './action.js';
import { checkReport } from './check.js';
import { readRunContext } from './context.js';
import { errorMessage } from './errors.js';
import { startRunBudget } from './github/budget.js';
import { limitsFromEnv } from './github/limits.js';
import { readSettings } from './inputs.js';
import { loadConstraints } from './validate/custom-schema.js';

/** Workflow commands, outputs and the job summary through `@actions/core`. */
function coreLog(): ActionLog {
  return {
    info: (message) => core.info(message),
    notice: (message) => core.notice(message),
    warning: (message) => core.warning(message),
    annotate: ({ level, message, ...properties }) => core[level](message, properties),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (message) => core.setFailed(message),
    writeSummary: async (markdown) => {
      try {
        await core.summary.addRaw(markdown).write();
      } catch (error) {
        // No GITHUB_STEP_SUMMARY (an old runner, a local run): the findings are still in the annotations.
        core.warning(`report-check could not write the job summary: ${errorMessage(error)}`);
      }
    },
  };
}

/** Builds the real dependencies from the runner's environment and runs the action. */
async function main(): Promise<void> {
  const log = coreLog();
  let budget: ReturnType<typeof startRunBudget> | undefined;
  try {
    const settings = readSettings((name) => core.getInput(name));
    core.setSecret(settings.token);
    budget = startRunBudget(settings.timeoutSeconds);
    // The last resort, should anything still wait once the budget and its reserve are spent.
    const seconds = settings.timeoutSeconds;
    setTimeout(
      () => {
        log.setFailed(
          `report-check could not run: the run's time limit (timeout-seconds: ${seconds}) ran out`,
        );
        process.exit(1);
      },
      (seconds + 5) * 1000,
    ).unref();
    const context = readRunContext(process.env, (path) => readFileSync(path, 'utf8'));
    // Loaded only now: @actions/github parses the event file when it is first loaded, and a broken one must end
    // as readRunContext's one could-not-run line, not as a stack trace at start-up.
    const { createOctokitPort } = await import('./github/octokit.js');
    const github = createOctokitPort({
      token: settings.token,
      owner: context.owner,
      repo: context.repo,
      baseUrl: context.apiUrl,
      onWarning: (message) => core.info(message),
      budget,
      limits: limitsFromEnv(process.env),
    });
    await runAction({
      github,
      log,
      settings,
      context,
      engine: { checkReport, loadConstraints },
    });
  } catch (error) {
    log.setFailed(`report-check could not run: ${errorMessage(error)}`);
  } finally {
    budget?.dispose();
  }
}

await main();

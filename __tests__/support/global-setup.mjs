// Jest's globalSetup: the test run gets a cache folder of its own. Every dist/cli.cjs a test starts writes its V8
// code cache under XDG_CACHE_HOME (src/cli-launcher.ts); without this, a test run would fill the developer's
// ~/.cache/report-check with caches of every build it tested. Tests that check the cache set their own folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function globalSetup() {
  const home = mkdtempSync(join(tmpdir(), 'report-check-test-cache-'));
  // Read by globalTeardown; workers start after this and inherit the environment.
  process.env.REPORT_CHECK_TEST_CACHE_HOME = home;
  process.env.XDG_CACHE_HOME = home;
}

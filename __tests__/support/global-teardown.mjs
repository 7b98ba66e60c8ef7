// Jest's globalTeardown: removes the cache folder globalSetup made for the test run.
import { rmSync } from 'node:fs';

export default function globalTeardown() {
  const home = process.env.REPORT_CHECK_TEST_CACHE_HOME;
  if (home) rmSync(home, { recursive: true, force: true });
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ANSWER_AJV_OPTIONS, answerValidator } from '../../src/github/answer-validators.js';
import type { AnswerName } from '../../src/github/answer-schemas.js';

// The bundles check GitHub's answers with validators precompiled at build time (scripts/precompiled.mjs); a
// run must accept and refuse the same answers as the source's validators, with the same first error.
const page = (nodes: unknown[]) => ({ pageInfo: { hasNextPage: false, endCursor: null }, nodes });
const pull = (pr: unknown) => ({ repository: { pullRequest: pr } });
const threadsPage = (nodes: unknown[]) => pull({ reviewThreads: page(nodes) });
const SAMPLES: [AnswerName, unknown][] = [
  ['pullRequest', { repository: null }],
  ['pullRequest', pull(null)],
  ['pullRequest', pull({ number: 5, headRefOid: 'a', baseRefOid: 'b', baseRefName: 'main', state: 'OPEN' })],
  [
    'pullRequest',
    pull({
      ...{ number: 5, headRefOid: 'a', baseRefOid: 'b', baseRefName: 'main', state: 'OPEN' },
      ...{ reviewThreads: page([]), comments: page([]), reviews: page([]) },
    }),
  ],
  ['pullRequest', pull({ number: 5, headRefOid: '', state: 'DRAFT' })],
  ['threadsPage', threadsPage([])],
  ['threadsPage', threadsPage([{ id: 'x', isResolved: 'no' }])],
  ['commentsPage', pull({ comments: page([{ author: null, body: 'b', viewerDidAuthor: true }]) })],
  ['reviewsPage', pull({ reviews: { pageInfo: {} } })],
  ['pullFiles', [{ filename: 'reports/README.md', status: 'modified', patch: '@@' }]],
  ['pullFiles', [{ filename: '', status: 'moved' }]],
  ['contents', { type: 'file', size: 3, encoding: 'base64', content: 'YWJj' }],
  ['contents', { type: 'file', size: -1 }],
  ['contents', []],
  ['tree', { sha: 's', truncated: false, tree: [{ path: 'a', type: 'blob' }] }],
  ['tree', { sha: 's', tree: 'none' }],
];

const outcome = (validate: ReturnType<typeof answerValidator>, data: unknown) => [
  validate(data),
  validate.errors?.map(({ instancePath, keyword, message }) => ({ instancePath, keyword, message })) ?? null,
];

let dir: string;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the precompiled GitHub answer validators', () => {
  it('should be compiled with the options of the source', async () => {
    const build = await import('../../scripts/bundle-options.mjs');
    expect(build.ANSWER_AJV_OPTIONS).toEqual(ANSWER_AJV_OPTIONS);
  });

  it('should accept and refuse the same answers as the source, with the same errors', async () => {
    const { answersSource } = await import('../../scripts/precompiled.mjs');
    dir = mkdtempSync(join(tmpdir(), 'answers-'));
    const file = join(dir, 'answers.mjs');
    // The generated code names ajv's small runtime helpers by package; they resolve from here as from the build.
    const source = (await answersSource()).replace(
      /require\("ajv\//g,
      'require("' + process.cwd() + '/node_modules/ajv/',
    );
    writeFileSync(
      file,
      `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);\n${source}`,
    );
    const built = (await import(pathToFileURL(file).href)) as { answerValidator: typeof answerValidator };
    const accepted = SAMPLES.map(([name, data]) => outcome(answerValidator(name), data)[0]);
    expect(accepted).toContain(true);
    expect(accepted).toContain(false);
    for (const [name, data] of SAMPLES)
      expect(outcome(built.answerValidator(name), data)).toEqual(outcome(answerValidator(name), data));
  });
});

// The parts of each GitHub answer the action uses, and nothing more: an answer may carry other fields, but one
// without these (empty, not JSON, an HTML error page with status 200, cut short) is not an answer to act on.
// Data only: the bundles compile it at build time (scripts/bundle-options.mjs), tests through answer-validators.ts.
const str = { type: 'string' };
const page = (node: object) => ({
  type: 'object',
  required: ['pageInfo', 'nodes'],
  properties: {
    pageInfo: {
      type: 'object',
      required: ['hasNextPage', 'endCursor'],
      properties: { hasNextPage: { type: 'boolean' }, endCursor: { type: ['string', 'null'] } },
    },
    nodes: { type: 'array', items: node },
  },
});
const authored = {
  type: 'object',
  required: ['author', 'body', 'viewerDidAuthor'],
  properties: {
    author: {
      anyOf: [{ type: 'null' }, { type: 'object', required: ['login'], properties: { login: str } }],
    },
    body: str,
    viewerDidAuthor: { type: 'boolean' },
  },
};
const thread = {
  type: 'object',
  required: ['id', 'isResolved', 'isOutdated', 'path', 'comments'],
  properties: {
    id: str,
    isResolved: { type: 'boolean' },
    isOutdated: { type: 'boolean' },
    path: str,
    comments: {
      type: 'object',
      required: ['totalCount', 'nodes'],
      properties: { totalCount: { type: 'integer' }, nodes: { type: 'array', items: authored } },
    },
  },
};
const comment = {
  allOf: [
    authored,
    { required: ['fullDatabaseId'], properties: { fullDatabaseId: { type: ['string', 'integer'] } } },
  ],
};

/** One schema per answer the action reads. */
export const ANSWER_SCHEMAS = {
  /** GraphQL `repository.pullRequest` with its threads, comments and reviews (first page each). */
  pullRequest: {
    type: 'object',
    required: ['repository'],
    properties: {
      repository: {
        anyOf: [
          { type: 'null' },
          {
            type: 'object',
            required: ['pullRequest'],
            properties: {
              pullRequest: {
                anyOf: [
                  { type: 'null' },
                  {
                    type: 'object',
                    required: [
                      'number',
                      'headRefOid',
                      'baseRefOid',
                      'baseRefName',
                      'state',
                      'reviewThreads',
                      'comments',
                      'reviews',
                    ],
                    properties: {
                      number: { type: 'integer' },
                      headRefOid: { type: 'string', minLength: 1 },
                      baseRefOid: { type: 'string', minLength: 1 },
                      baseRefName: str,
                      state: { enum: ['OPEN', 'CLOSED', 'MERGED'] },
                      reviewThreads: page(thread),
                      comments: page(comment),
                      reviews: page(authored),
                    },
                  },
                ],
              },
            },
          },
        ],
      },
    },
  },
  /** A further page of one connection: `repository.pullRequest.<field>`. */
  threadsPage: connectionPage('reviewThreads', thread),
  commentsPage: connectionPage('comments', comment),
  reviewsPage: connectionPage('reviews', authored),
  /** `GET pulls/{n}`: how many files it changes, at which head. */
  pull: {
    type: 'object',
    required: ['changed_files', 'head'],
    properties: {
      changed_files: { type: 'integer', minimum: 0 },
      head: { type: 'object', required: ['sha'], properties: { sha: { type: 'string', minLength: 1 } } },
    },
  },
  /** One page of `GET pulls/{n}/files`. */
  pullFiles: {
    type: 'array',
    items: {
      type: 'object',
      required: ['filename', 'status'],
      properties: {
        filename: { type: 'string', minLength: 1 },
        status: { enum: ['added', 'removed', 'modified', 'renamed', 'copied', 'changed', 'unchanged'] },
        previous_filename: str,
        patch: str,
      },
    },
  },
  /**
   * `GET contents/{path}`: a directory listing (array) or one entry; a file has its size and (base64) content. Git
   * has no empty directories, so an empty listing is not an answer GitHub gives (it would read as "no report").
   */
  contents: {
    anyOf: [
      {
        type: 'array',
        minItems: 1,
        items: { type: 'object', required: ['type', 'name'], properties: { type: str, name: str } },
      },
      {
        type: 'object',
        required: ['type', 'size'],
        properties: { type: str, size: { type: 'integer', minimum: 0 } },
        if: { properties: { type: { const: 'file' } } },
        then: { required: ['encoding', 'content'], properties: { encoding: str, content: str } },
      },
    ],
  },
  /** `GET /repos/{owner}/{repo}`: the branch a repository is read at when no ref is given. */
  repository: {
    type: 'object',
    required: ['default_branch'],
    properties: { default_branch: { type: 'string', minLength: 1 } },
  },
  /** `GET git/trees/{sha}?recursive=1`. */
  tree: {
    type: 'object',
    required: ['sha', 'tree', 'truncated'],
    properties: {
      sha: str,
      truncated: { type: 'boolean' },
      tree: {
        type: 'array',
        items: { type: 'object', required: ['path', 'type'], properties: { path: str, type: str } },
      },
    },
  },
} as const;

function connectionPage(field: string, node: object) {
  return {
    type: 'object',
    required: ['repository'],
    properties: {
      repository: {
        type: 'object',
        required: ['pullRequest'],
        properties: {
          pullRequest: { type: 'object', required: [field], properties: { [field]: page(node) } },
        },
      },
    },
  };
}

export type AnswerName = keyof typeof ANSWER_SCHEMAS;

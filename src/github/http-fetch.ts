import { HttpClient } from '@actions/http-client';
import * as http from 'node:http';
import * as https from 'node:https';

/**
 * The fetch Octokit is given: node's http client behind the call Octokit makes. Node's own fetch is undici, which
 * node compiles at the first request of a process: 40 ms on Node 24 and 110 ms on Node 20 (a request through
 * node:http costs 14 ms over a bare node in both), in every action run and every cohort run. The agents come from
 * @actions/http-client, as for the rest of the Actions toolkit: the runner's proxy settings (https_proxy, no_proxy)
 * apply, and connections are kept alive between the reads and the writes of a run.
 *
 * Only what Octokit asks of fetch is here: a method, headers, a string or byte body and a signal; the answer's
 * status, headers and bytes, read whole. Redirects are followed as fetch follows them (a renamed repository
 * answers 301); an answer in a content coding is refused, as none is asked for.
 */

/** What Octokit passes to fetch. */
export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | null;
  signal?: AbortSignal | null;
  redirect?: 'follow' | 'error' | 'manual';
}

/** An answer's headers, as fetch's Headers answers Octokit: case-insensitive `get`, iterated as pairs. */
export class AnswerHeaders implements Iterable<[string, string]> {
  readonly #values: Map<string, string>;

  constructor(headers: http.IncomingHttpHeaders) {
    this.#values = new Map();
    for (const [name, value] of Object.entries(headers))
      if (value !== undefined) this.#values.set(name, Array.isArray(value) ? value.join(', ') : value);
  }

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }

  [Symbol.iterator](): Iterator<[string, string]> {
    return this.#values.entries();
  }
}

/** An answer read whole. `body` is its bytes (Octokit hands it over as the data of a request that asks for them). */
export class Answer {
  readonly ok: boolean;

  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly url: string,
    readonly headers: AnswerHeaders,
    readonly body: Uint8Array,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  async text(): Promise<string> {
    // As fetch decodes: a byte order mark is dropped, and bytes that are not UTF-8 read as U+FFFD.
    return new TextDecoder().decode(this.body);
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.body;
    return buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer;
  }
}

export type HttpFetch = (url: string, init?: FetchInit) => Promise<Answer>;

/** The bytes of an answer asked for with `parseSuccessResponseBody: false`: Octokit's data is this fetch's body. */
export function answerBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  throw new TypeError(`expected the answer's bytes, got ${data === null ? 'null' : typeof data}`);
}

/** Redirects fetch follows, and how many in a row. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;

/** Far more than any answer a run reads (a truncated tree listing is about 7 MB): a larger one is refused. */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/** Headers that describe a request's body, dropped with the body when a redirect turns the request into a GET. */
const BODY_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-location',
];

/** A failure as fetch reports one: a TypeError whose cause says what happened (Octokit shows the cause's message). */
function failed(cause: Error | string): TypeError {
  return new TypeError('fetch failed', { cause: typeof cause === 'string' ? new Error(cause) : cause });
}

/** Creates the fetch for one client. `maxAnswerBytes` is for tests. */
export function createHttpFetch(maxAnswerBytes = MAX_ANSWER_BYTES): HttpFetch {
  const agents = new Map<string, http.Agent>();
  const agentFor = (url: URL): http.Agent => {
    let agent = agents.get(url.origin);
    if (!agent) {
      // One client per origin: an HttpClient keeps the first agent it makes, whatever URL it is asked about next.
      agent = new HttpClient(undefined, undefined, { keepAlive: true }).getAgent(url.href);
      agents.set(url.origin, agent);
    }
    return agent;
  };
  return async (address, init = {}) => {
    let url = new URL(address);
    let request = init;
    for (let redirects = 0; ; redirects++) {
      const got = await exchange(url, request, agentFor, maxAnswerBytes);
      if (got instanceof Answer) return got;
      if (request.redirect === 'error') throw failed(`redirected to ${got.location}`);
      if (redirects === MAX_REDIRECTS) throw failed(`more than ${MAX_REDIRECTS} redirects`);
      let next: URL;
      try {
        next = new URL(got.location, url);
      } catch {
        throw failed(`redirected to an invalid URL: ${got.location}`);
      }
      request = redirected(request, got.status, url, next);
      url = next;
    }
  };
}

/** A redirect to follow: its status and where to. */
interface Redirect {
  status: number;
  location: string;
}

/** One request and its answer read whole, or the redirect it was answered with. */
function exchange(
  url: URL,
  init: FetchInit,
  agentFor: (url: URL) => http.Agent,
  maxAnswerBytes: number,
): Promise<Answer | Redirect> {
  return new Promise((resolve, reject) => {
    const { signal } = init;
    if (signal?.aborted) return reject(signal.reason);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      return reject(failed(`cannot fetch a ${url.protocol} URL`));
    // No content coding is asked for (fetch asks for gzip): answers come as they are, and none needs zlib.
    const headers = { ...init.headers, 'accept-encoding': 'identity' };
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: init.method ?? 'GET',
      headers,
      agent: agentFor(url),
    });
    let settled = false;
    const settle = (error: unknown, got?: Answer | Redirect) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (error === null) return resolve(got as Answer | Redirect);
      request.destroy();
      reject(error);
    };
    const onAbort = () => settle(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error) => settle(failed(error)));
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const { location } = response.headers;
      if (REDIRECTS.has(status) && location !== undefined && init.redirect !== 'manual') {
        response.resume();
        return settle(null, { status, location });
      }
      readAnswer(response, url, maxAnswerBytes, settle);
    });
    request.end(init.body ?? undefined);
  });
}

/** Reads an answer whole, then settles with it; or settles with why it could not be read. */
function readAnswer(
  response: http.IncomingMessage,
  url: URL,
  maxAnswerBytes: number,
  settle: (error: unknown, answer?: Answer) => void,
): void {
  const coding = response.headers['content-encoding'];
  if (coding !== undefined && coding.toLowerCase() !== 'identity')
    return settle(failed(`the answer came ${coding}-encoded, which was not asked for`));
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxAnswerBytes) settle(failed(`the answer is over ${maxAnswerBytes} bytes`));
    else chunks.push(chunk);
  });
  response.on('end', () => {
    const body = new Uint8Array(Buffer.concat(chunks, size));
    const headers = new AnswerHeaders(response.headers);
    settle(null, new Answer(response.statusCode ?? 0, response.statusMessage ?? '', url.href, headers, body));
  });
  // A connection closed before the answer's end (node says "aborted"): fetch's read of the body fails "terminated".
  const cut = (cause?: Error) =>
    settle(failed(new Error('terminated: the connection closed before the answer ended', { cause })));
  response.on('error', cut);
  response.on('close', () => {
    if (!response.complete) cut();
  });
}

/**
 * The request a redirect makes, as fetch makes it: 303, and 301 or 302 after a POST, become a GET without the
 * body; the credentials stay with their origin.
 */
function redirected(init: FetchInit, status: number, from: URL, to: URL): FetchInit {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = { ...init.headers };
  const toGet =
    (status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST');
  if (toGet)
    for (const name of Object.keys(headers))
      if (BODY_HEADERS.includes(name.toLowerCase())) delete headers[name];
  if (to.origin !== from.origin)
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name];
  return { ...init, headers, method: toGet ? 'GET' : method, body: toGet ? null : init.body };
}

import { HttpClient } from '@actions/http-client';
import { getProxyUrl } from '@actions/http-client/lib/proxy';
import * as http from 'node:http';
import * as https from 'node:https';
import type * as Zlib from 'node:zlib';
import { FinalFailure } from './final-failure.js';

/**
 * The fetch Octokit is given: node's http client behind the call Octokit makes. Node's own fetch is undici, which
 * node compiles at the first request of a process: a request through it cost 57 ms over a bare node on Node 24
 * and 125 ms on Node 20, against 14 ms through node:http, in every action run and every cohort run.
 *
 * Only what Octokit asks of fetch is here: a method, headers, a string or byte body and a signal; the answer's
 * status, headers and bytes, read whole. As fetch does, it trims header values, follows redirects (a renamed
 * repository answers 301) keeping credentials to their origin, and rejects with the signal's reason on abort.
 * Behind the runner's proxy (https_proxy, http_proxy, no_proxy) requests go through @actions/http-client's
 * tunnel, as for the rest of the Actions toolkit, one connection per request; without one, connections are kept
 * alive between the reads and the writes of a run.
 */

/** What Octokit passes to fetch. */
interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | null;
  signal?: AbortSignal | null;
  redirect?: 'follow' | 'error' | 'manual';
}

/** An answer's headers, as fetch's Headers answers Octokit: case-insensitive `get`, iterated as pairs. */
class AnswerHeaders implements Iterable<[string, string]> {
  readonly #values: Map<string, string>;

  constructor(headers: http.IncomingHttpHeaders) {
    this.#values = new Map();
    for (const [name, value] of Object.entries(headers))
      if (value !== undefined) this.#values.set(name, Array.isArray(value) ? value.join(', ') : value);
  }

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }

  [Symbol.iterator](): Iterator<[string, string]> {
    return this.#values.entries();
  }
}

/**
 * An answer read whole, with what Octokit reads of one. `body` is its bytes (Octokit hands it over as the data of a
 * request that asks for them).
 */
class Answer {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly url: string,
    readonly headers: AnswerHeaders,
    readonly body: Uint8Array,
  ) {}

  async text(): Promise<string> {
    // As fetch decodes: a byte order mark is dropped, and bytes that are not UTF-8 read as U+FFFD.
    return new TextDecoder().decode(this.body);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.body;
    return buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer;
  }
}

/** Octokit's fetch: an answer for any status; a rejection only when there is no answer to give. */
export type HttpFetch = (url: string, init?: FetchInit) => Promise<Answer>;

/**
 * The bytes of an answer asked for with `parseSuccessResponseBody: false`: Octokit's data is this fetch's body,
 * or `''` for an answer without one (204, 205), which holds no bytes.
 */
export function answerBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data === '') return new Uint8Array(0);
  throw new TypeError(`expected the answer's bytes, got ${data === null ? 'null' : typeof data}`);
}

/** Redirects fetch follows, and how many in a row. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;

/** Far more than any answer a run reads (a truncated tree listing is about 7 MB): a larger one is refused. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/** How long a kept-alive connection may sit idle before it is closed on our side (undici's default too). */
const IDLE_MS = 4000;

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
  return new TypeError('fetch failed', {
    cause: typeof cause === 'string' ? new FinalFailure(cause) : cause,
  });
}

/** Creates the fetch for one client. `maxAnswerBytes` is for tests. */
export function createHttpFetch(maxAnswerBytes = MAX_ANSWER_BYTES): HttpFetch {
  const agents = new Map<string, http.Agent>();
  const agentFor = (url: URL): http.Agent => {
    let agent = agents.get(url.origin);
    if (!agent) {
      const options = { keepAlive: true, timeout: IDLE_MS };
      if (getProxyUrl(url)) agent = new HttpClient().getAgent(url.href);
      else agent = url.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
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

/** Header values as fetch sends them: without leading and trailing whitespace (a token read with its newline). */
function trimmed(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {}))
    out[name] = String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  return out;
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
    // No content coding is asked for (fetch asks for gzip): an answer in one all the same is decoded.
    const headers = { ...trimmed(init.headers), 'accept-encoding': 'identity' };
    let request: http.ClientRequest;
    try {
      const send = url.protocol === 'https:' ? https.request : http.request;
      request = send(url, { method: init.method ?? 'GET', headers, agent: agentFor(url) });
    } catch (error) {
      // Node refuses a header it cannot send (a control character inside a value) before sending anything.
      return reject(failed(new FinalFailure(error instanceof Error ? error.message : String(error))));
    }
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
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxAnswerBytes) settle(failed(`the answer is over ${maxAnswerBytes} bytes`));
    else chunks.push(chunk);
  });
  response.on('end', () => {
    let bytes: Buffer;
    try {
      bytes = decoded(Buffer.concat(chunks, size), response.headers['content-encoding'], maxAnswerBytes);
    } catch (error) {
      return settle(failed(error as Error));
    }
    const body = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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

/** The content codings fetch reads, by their zlib functions. */
const DECODERS = {
  gzip: 'gunzipSync',
  'x-gzip': 'gunzipSync',
  deflate: 'inflateSync',
  br: 'brotliDecompressSync',
} as const;

/**
 * An answer's bytes without its content coding. None is asked for, so node's zlib (2–3 ms to load) is loaded
 * only for an answer that comes encoded all the same (through a proxy, say); its status and body stay readable.
 */
function decoded(bytes: Buffer, coding: string | undefined, maxAnswerBytes: number): Buffer {
  const name = coding?.trim().toLowerCase() ?? 'identity';
  if (name === 'identity' || name === '') return bytes;
  const zlib = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.('node:zlib') as
    typeof Zlib | undefined;
  const decoder = Object.hasOwn(DECODERS, name) ? DECODERS[name as keyof typeof DECODERS] : undefined;
  const decode = decoder && zlib?.[decoder];
  if (!decode) throw new FinalFailure(`the answer came ${coding}-encoded, which cannot be read here`);
  try {
    return decode(bytes, { maxOutputLength: maxAnswerBytes });
  } catch (error) {
    throw new FinalFailure(`the ${coding}-encoded answer cannot be decoded: ${(error as Error).message}`);
  }
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

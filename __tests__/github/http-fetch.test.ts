import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { isFinalFailure } from '../../src/github/final-failure.js';
import { answerBytes, createHttpFetch } from '../../src/github/http-fetch.js';

/** What a server saw of one request. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A local server whose answers the test sets per path; it records every request. */
async function serve(): Promise<{
  url: string;
  seen: Seen[];
  on: Map<string, Handler>;
  close(): Promise<void>;
}> {
  const seen: Seen[] = [];
  const on = new Map<string, Handler>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const handler = on.get((req.url ?? '').split('?')[0] ?? '');
      if (handler) handler(req, res, body);
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    on,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let a: Awaited<ReturnType<typeof serve>>;
let b: Awaited<ReturnType<typeof serve>>;
beforeEach(async () => {
  [a, b] = await Promise.all([serve(), serve()]);
});
afterEach(() => Promise.all([a.close(), b.close()]));

describe('the fetch Octokit is given', () => {
  it('should answer the status, the headers by any case, the URL and the body as text and as bytes', async () => {
    a.on.set('/x', (_req, res) =>
      res
        .writeHead(200, 'Fine', { 'Content-Type': 'application/json', 'X-Many': ['1', '2'] })
        .end('\uFEFF{"a":"é"}'),
    );
    const answer = await createHttpFetch()(`${a.url}/x?y=1`);
    expect(answer.status).toBe(200);
    expect(answer.statusText).toBe('Fine');
    expect(answer.url).toBe(`${a.url}/x?y=1`);
    expect(answer.headers.get('CONTENT-TYPE')).toBe('application/json');
    expect(answer.headers.get('x-many')).toBe('1, 2');
    expect(answer.headers.get('x-none')).toBeNull();
    expect([...answer.headers]).toContainEqual(['content-type', 'application/json']);
    // As fetch reads it: the byte order mark goes; the bytes stay as they came.
    expect(await answer.text()).toBe('{"a":"é"}');
    expect(Buffer.from(await answer.arrayBuffer())).toEqual(Buffer.from('\uFEFF{"a":"é"}'));
    expect(answerBytes(answer.body)).toEqual(new Uint8Array(Buffer.from('\uFEFF{"a":"é"}')));
  });

  it('should send the method, the headers and the body, and ask for no content coding', async () => {
    a.on.set('/post', (_req, res) => res.writeHead(201).end());
    const answer = await createHttpFetch()(`${a.url}/post`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'token t' },
      body: '{"body":"ü"}',
    });
    expect(answer.status).toBe(201);
    expect(a.seen).toEqual([expect.objectContaining({ method: 'POST', url: '/post', body: '{"body":"ü"}' })]);
    const headers = a.seen[0]?.headers;
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'token t',
      'content-length': String(Buffer.byteLength('{"body":"ü"}')),
      'accept-encoding': 'identity',
    });
  });

  it('should answer an error status as an answer, not as a failure', async () => {
    a.on.set('/gone', (_req, res) =>
      res.writeHead(410, { 'content-type': 'application/json' }).end('{"m":1}'),
    );
    const answer = await createHttpFetch()(`${a.url}/gone`);
    expect([answer.status, await answer.text()]).toEqual([410, '{"m":1}']);
  });

  it('should follow a redirect within the origin with the credentials, and to another origin without them', async () => {
    a.on.set('/old', (_req, res) => res.writeHead(301, { location: '/new' }).end());
    a.on.set('/new', (_req, res) => res.writeHead(302, { location: `${b.url}/elsewhere` }).end());
    b.on.set('/elsewhere', (_req, res) => res.writeHead(200).end('here'));
    const answer = await createHttpFetch()(`${a.url}/old`, {
      headers: { authorization: 'token t', accept: 'x' },
    });
    expect(await answer.text()).toBe('here');
    expect(answer.url).toBe(`${b.url}/elsewhere`);
    expect(a.seen.map((s) => [s.url, s.headers.authorization])).toEqual([
      ['/old', 'token t'],
      ['/new', 'token t'],
    ]);
    expect(b.seen.map((s) => [s.url, s.headers.authorization, s.headers.accept])).toEqual([
      ['/elsewhere', undefined, 'x'],
    ]);
  });

  it('should turn a POST answered 303 into a GET without its body, and keep the body through a 307', async () => {
    a.on.set('/see', (_req, res) => res.writeHead(303, { location: '/other' }).end());
    a.on.set('/other', (_req, res) => res.writeHead(200).end());
    a.on.set('/temp', (_req, res) => res.writeHead(307, { location: '/kept' }).end());
    a.on.set('/kept', (_req, res) => res.writeHead(200).end());
    const fetch = createHttpFetch();
    const init = { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'data' };
    await fetch(`${a.url}/see`, init);
    await fetch(`${a.url}/temp`, init);
    expect(a.seen.map((s) => [s.method, s.url, s.body, s.headers['content-type']])).toEqual([
      ['POST', '/see', 'data', 'text/plain'],
      ['GET', '/other', '', undefined],
      ['POST', '/temp', 'data', 'text/plain'],
      ['POST', '/kept', 'data', 'text/plain'],
    ]);
  });

  it('should give up on a redirect loop, and answer a redirect as it is when asked to', async () => {
    a.on.set('/loop', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
    const fetch = createHttpFetch();
    await expect(fetch(`${a.url}/loop`)).rejects.toMatchObject({
      name: 'TypeError',
      cause: expect.objectContaining({ message: 'more than 20 redirects' }),
    });
    expect(a.seen).toHaveLength(21);
    const manual = await fetch(`${a.url}/loop`, { redirect: 'manual' });
    expect([manual.status, manual.headers.get('location')]).toEqual([302, '/loop']);
    await expect(fetch(`${a.url}/loop`, { redirect: 'error' })).rejects.toThrow(TypeError);
  });

  it('should fail as fetch fails when nothing listens, with the reason as its cause', async () => {
    const url = b.url;
    await b.close();
    await expect(createHttpFetch()(`${url}/x`)).rejects.toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
      cause: expect.objectContaining({ code: 'ECONNREFUSED' }),
    });
  });

  it("should fail with the signal's reason when it aborts before the answer, or had aborted already", async () => {
    const hung: ServerResponse[] = [];
    a.on.set('/hang', (_req, res) => void hung.push(res));
    const fetch = createHttpFetch();
    const controller = new AbortController();
    const reason = new DOMException('timed out', 'TimeoutError');
    const pending = fetch(`${a.url}/hang`, { signal: controller.signal });
    while (hung.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await expect(fetch(`${a.url}/hang`, { signal: controller.signal })).rejects.toBe(reason);
    expect(a.seen).toHaveLength(1);
  });

  it("should fail with the signal's reason when it aborts while the answer comes in", async () => {
    a.on.set('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('part');
    });
    const controller = new AbortController();
    const fetch = createHttpFetch();
    const pending = fetch(`${a.url}/trickle`, { signal: controller.signal });
    while (a.seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort(new DOMException('timed out', 'TimeoutError'));
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('should fail when the connection closes before the answer ends', async () => {
    a.on.set('/cut', (req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('only part');
      setTimeout(() => req.socket.destroy(), 20);
    });
    await expect(createHttpFetch()(`${a.url}/cut`)).rejects.toMatchObject({
      name: 'TypeError',
      cause: expect.objectContaining({ message: expect.stringContaining('terminated') }),
    });
  });

  it('should refuse an answer over its size limit, and one in a coding it cannot read, as final failures', async () => {
    a.on.set('/big', (_req, res) => res.writeHead(200).end('x'.repeat(2000)));
    a.on.set('/zstd', (_req, res) => res.writeHead(200, { 'content-encoding': 'zstd' }).end('{}'));
    a.on.set('/bomb', (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('x'.repeat(5000))),
    );
    const refusals = [
      [createHttpFetch(1000), '/big', 'the answer is over 1000 bytes'],
      [createHttpFetch(), '/zstd', 'the answer came zstd-encoded, which cannot be read here'],
      [createHttpFetch(1000), '/bomb', 'the gzip-encoded answer cannot be decoded'],
    ] as const;
    for (const [fetch, path, message] of refusals) {
      const error = await fetch(`${a.url}${path}`).catch((e: unknown) => e);
      expect(error).toMatchObject({
        name: 'TypeError',
        cause: expect.objectContaining({ message: expect.stringContaining(message) }),
      });
      expect(isFinalFailure(error)).toBe(true);
    }
    expect(await (await createHttpFetch(2000)(`${a.url}/big`)).text()).toHaveLength(2000);
  });

  it('should read an answer that comes encoded all the same, with its status', async () => {
    a.on.set('/gzip', (_req, res) =>
      res.writeHead(403, { 'content-encoding': 'gzip' }).end(gzipSync('{"message":"rate limit"}')),
    );
    a.on.set('/br', (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync('brotli')),
    );
    const fetch = createHttpFetch();
    const gzip = await fetch(`${a.url}/gzip`);
    expect([gzip.status, await gzip.text()]).toEqual([403, '{"message":"rate limit"}']);
    expect(await (await fetch(`${a.url}/br`)).text()).toBe('brotli');
  });

  it('should send header values trimmed as fetch does, and refuse one node cannot send, as a final failure', async () => {
    a.on.set('/h', (_req, res) => res.writeHead(200).end());
    const fetch = createHttpFetch();
    await fetch(`${a.url}/h`, { headers: { authorization: ' token t\n' } });
    expect(a.seen[0]?.headers.authorization).toBe('token t');
    const error = await fetch(`${a.url}/h`, { headers: { authorization: 'token\nx' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(isFinalFailure(error)).toBe(true);
    expect(a.seen).toHaveLength(1);
  });

  it('should keep the connection between requests to one origin', async () => {
    const ports = new Set<number | undefined>();
    a.on.set('/port', (req, res) => {
      ports.add(req.socket.remotePort);
      res.writeHead(200).end();
    });
    const fetch = createHttpFetch();
    await fetch(`${a.url}/port`);
    await fetch(`${a.url}/port`);
    expect(ports.size).toBe(1);
  });

  it("should go through the runner's proxy: http_proxy for http, https_proxy for https, not for no_proxy", async () => {
    a.on.set('/through', (_req, res) => res.writeHead(200).end('proxied'));
    const tunnels: string[] = [];
    // A proxy that tunnels every CONNECT to server a, whatever host it names (an https request then fails its
    // TLS handshake with a plain server: the tunnel it asked for is what counts).
    const proxy = createServer();
    proxy.on('connect', (req: IncomingMessage, client: import('node:net').Socket) => {
      tunnels.push(req.url ?? '');
      const upstream = connect(Number(new URL(a.url).port), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const saved = { http: process.env.http_proxy, https: process.env.https_proxy, no: process.env.no_proxy };
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    process.env.http_proxy = proxyUrl;
    process.env.https_proxy = proxyUrl;
    process.env.no_proxy = 'bypassed.invalid';
    try {
      const answer = await createHttpFetch()('http://api.github.invalid/through');
      expect(await answer.text()).toBe('proxied');
      await expect(createHttpFetch()('https://api.github.invalid/through')).rejects.toThrow(TypeError);
      // A host in no_proxy is asked for directly (where it does not resolve): never through the proxy.
      const direct = createHttpFetch()('http://bypassed.invalid/x', { signal: AbortSignal.timeout(2000) });
      await expect(direct).rejects.toBeDefined();
      expect(tunnels).toEqual(['api.github.invalid:80', 'api.github.invalid:443']);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[`${name}_proxy`];
        else process.env[`${name}_proxy`] = value;
      }
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('should not take the bytes of anything but an answer read as bytes', () => {
    expect(() => answerBytes('text')).toThrow("expected the answer's bytes, got string");
    // Octokit's data for an answer without a body (204, 205).
    expect(answerBytes('')).toEqual(new Uint8Array(0));
  });
});

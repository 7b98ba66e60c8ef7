// The lazy chunk dist/undici.cjs (see scripts/build.mjs): what @actions/github and @actions/http-client take
// from undici, for a request through an HTTP proxy.
export { fetch, ProxyAgent } from 'undici';

// Serves demo-dist/ on localhost and prints its URL. `PORT` picks the port (default 8080, or
// the next free one). Under /csp/ the same files are served with a strict Content-Security-Policy
// header (Trusted Types included): the policy the demo and the element are tested under
// (test/e2e/csp.spec.ts), and README's "Content Security Policy" section explains.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../demo-dist/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' https://js.stripe.com",
  "style-src 'self'",
  'frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com',
  "connect-src 'self' https://api.stripe.com",
  "require-trusted-types-for 'script'",
].join('; ');
const CSP_PREFIX = '/csp';

const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (path === CSP_PREFIX) {
      response.writeHead(301, { location: `${CSP_PREFIX}/${url.search}` }).end();
      return;
    }
    const strict = path.startsWith(`${CSP_PREFIX}/`);
    if (strict) path = path.slice(CSP_PREFIX.length);
    let file = normalize(join(root, path));
    if (!file.startsWith(root.replace(/[\\/]$/, '') + sep) && file !== root) throw new Error('outside root');
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (strict) headers['content-security-policy'] = STRICT_CSP;
    response.writeHead(200, headers);
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
});

const host = process.env.HOST ?? '127.0.0.1';
let port = Number(process.env.PORT ?? 8080);
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE' && !process.env.PORT) {
    port += 1;
    server.listen(port, host);
  } else {
    console.error(error.message);
    process.exit(1);
  }
});
server.on('listening', () => {
  console.log(`fc-relink demo: http://localhost:${port}/  (offline, no keys; Ctrl+C to stop)`);
  console.log(`under a strict Content-Security-Policy: http://localhost:${port}${CSP_PREFIX}/`);
});
server.listen(port, host);

// Serves demo-dist/ on localhost and prints its URL. `PORT` picks the port (default 8080, or
// the next free one).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../demo-dist/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

const server = createServer(async (request, response) => {
  try {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root.replace(/[\\/]$/, '') + sep) && file !== root) throw new Error('outside root');
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
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
});
server.listen(port, host);

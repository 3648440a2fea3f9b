/**
 * The floor for the benchmark: an HTTP server that reads each request and answers a fixed
 * `database.getDocument` response (one document), doing no other work. Prints `ready <port>`.
 */
import http from 'node:http';

const body = Buffer.from(
  JSON.stringify({
    data: { list: [JSON.stringify({ _id: 'bench-doc', n: 1, name: 'benchmark document' })], offset: 0, limit: 100 },
    requestId: 'null-server',
  }),
);

const server = http.createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

// Where Firefox's network goes in the tests: a proxy on 127.0.0.1 that records every request and
// refuses it. Pages the tests open are served and guarded by request interception; what reaches
// the sink came from somewhere else — Vínculo's background page, or a tab it opened — and fails
// the test. (Firefox's own services are silenced by the harness's preferences, so nothing else
// arrives here: a test run with an idle extension leaves the sink empty.)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OutsideSink {
  port: number;
  /** Every request that reached the sink: `http://host/path` for plain HTTP, `https://host:port` for a tunnel. */
  requests: string[];
  close(): Promise<void>;
}

export async function startOutsideSink(): Promise<OutsideSink> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(403, { connection: 'close' });
    response.end();
  });
  // HTTPS and WebSockets over TLS ask the proxy for a tunnel first: refused, so nothing is sent.
  server.on('connect', (request, socket) => {
    requests.push(`https://${request.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// A TCP proxy in front of PostgreSQL that can fail the way a real database does:
// - `stall()`: stops forwarding bytes both ways but keeps every socket open (new connections are
//   accepted and stall too): a frozen server or a black-holed network;
// - `stop()`: drops every connection and refuses new ones: the server down;
// - `resume()`: forwards again (bytes held during a stall are delivered), listening on the same port.

import net from 'node:net';

export interface FaultProxy {
  /** `serverUrl` with its host and port replaced by the proxy's. */
  url(serverUrl: string): string;
  stall(): void;
  stop(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
}

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  const pairs = new Set<Pair>();
  let stalled = false;
  const forward = ({ client, upstream }: Pair) => {
    client.pipe(upstream);
    upstream.pipe(client);
  };
  const hold = ({ client, upstream }: Pair) => {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    if (stalled) hold(pair);
    else forward(pair);
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const closeServer = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const stop = async () => {
    const closing = closeServer();
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
    await closing;
  };
  return {
    url: (serverUrl) => {
      const url = new URL(serverUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    stall: () => {
      stalled = true;
      for (const pair of pairs) hold(pair);
    },
    stop,
    resume: async () => {
      stalled = false;
      for (const pair of pairs) forward(pair);
      if (!server.listening) await listen(port);
    },
    close: stop,
  };
}

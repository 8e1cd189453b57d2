/**
 * TCP forwarders from kube-hunter's fixed ports on one loopback address to the real test services. Closing a
 * forwarder destroys its open sockets: `server.close()` alone waits for every connection kube-hunter left open.
 */
import { connect, createServer, type Socket } from 'node:net';

/** A running set of forwarders on one address. */
export interface Forwarders {
  /** Stops listening and destroys every open connection; resolves at once. */
  close(): Promise<void>;
}

/** Listens on `address:from` for each entry and pipes every connection to `127.0.0.1:to`. */
export async function forward(address: string, ports: Readonly<Record<number, number>>): Promise<Forwarders> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const servers = await Promise.all(
    Object.entries(ports).map(
      ([from, to]) =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const server = createServer((client) => {
            const upstream = connect(to, '127.0.0.1');
            track(client);
            track(upstream);
            client.pipe(upstream).pipe(client);
            client.on('error', () => upstream.destroy());
            upstream.on('error', () => client.destroy());
          });
          server.on('error', reject);
          server.listen(Number(from), address, () => resolve(server));
        }),
    ),
  );
  return {
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    },
  };
}

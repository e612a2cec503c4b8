/**
 * A TCP proxy on 127.0.0.1 in front of a real server, which a test can cut: `stop()` closes the
 * listening port and destroys every open connection, so clients behind it see the server
 * vanish (connection reset, then connection refused) without touching the real server that other
 * test files share.
 */

import type { AddressInfo } from "node:net";
import { connect, createServer, type Socket } from "node:net";

/** A running proxy. */
export interface TcpProxy {
  /** The port it listens on. */
  port: number;
  /** Closes the port and every connection through it; resolves once closed. Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts a proxy to `host:port` on an ephemeral port of 127.0.0.1. */
export async function startTcpProxy(host: string, port: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(port, host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  let stopped: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return stopped;
    },
  };
}

/** Binding one of the bot's HTTP servers (health, interactions) and learning the port it got. */
import type { Server, ServerOptions } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Server options that cut off a client which has not sent its whole request within `ms`: one that
 * connects and stays silent, or trickles its headers a byte at a time (slowloris). Node checks
 * these timeouts only every `connectionsCheckingInterval`, 30 s by default, which would let such a
 * client hold its connection six times longer than the timeout says.
 */
export function requestTimeouts(ms: number): ServerOptions {
  return {
    requestTimeout: ms,
    headersTimeout: ms,
    connectionsCheckingInterval: Math.min(1000, ms),
  };
}

/** Listens on `host:port` (0: any free port); resolves with the bound port, rejects on EADDRINUSE… */
export async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

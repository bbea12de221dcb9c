/** Binding one of the bot's HTTP servers (health, interactions) and learning the port it got. */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

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

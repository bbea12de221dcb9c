/**
 * The HTTP floor of `npm run bench:e2e`: a do-nothing interactions endpoint. It reads the body,
 * verifies the Ed25519 signature with node:crypto, answers PING, and answers everything else with
 * one fixed embed. Whatever it costs is HTTP, JSON and the signature check; the HTTP-only bot is
 * measured against it.
 *
 * Run by bench/e2e.ts (bench/http.ts) compiled as `node --expose-gc`, with BENCH_PUBLIC_KEY set.
 */
import { createPublicKey, verify } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { failStartup, fakeFromEnv, serveParent } from "./child.ts";

const ANSWER = JSON.stringify({
  type: 4,
  data: {
    embeds: [
      { title: "Floor", description: "A fixed answer from an endpoint that does nothing else." },
    ],
  },
});

async function main(): Promise<void> {
  const { publicKey } = fakeFromEnv();
  const key = createPublicKey({
    key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(publicKey, "hex").toString("base64url") },
    format: "jwk",
  });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const timestamp = String(req.headers["x-signature-timestamp"] ?? "");
      const signature = Buffer.from(String(req.headers["x-signature-ed25519"] ?? ""), "hex");
      const valid =
        signature.length === 64 &&
        verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, signature);
      if (!valid) {
        res.writeHead(401).end();
        return;
      }
      const ping = (JSON.parse(body.toString("utf8")) as { type?: number }).type === 1;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(ping ? '{"type":1}' : ANSWER);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  serveParent(
    null,
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    { port },
  );
}

main().catch(failStartup);

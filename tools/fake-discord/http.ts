/** Reading requests: bodies arrive as JSON or, when files are attached, multipart with payload_json. */

import type { IncomingMessage } from "node:http";
import type { RecordedFile } from "./types.ts";

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = contentType ?? "";
  if (type.startsWith("multipart/form-data")) return parseMultipart(raw, type);
  const text = raw.toString("utf8");
  if (type.includes("json")) return { body: JSON.parse(text), files: [] };
  return { body: text, files: [] };
}

/** Node's fetch Request already implements multipart parsing; borrowing it avoids a hand-rolled parser. */
async function parseMultipart(
  raw: Buffer,
  contentType: string,
): Promise<{ body: unknown; files: RecordedFile[] }> {
  const form = await new Request("http://fake.invalid/", {
    method: "POST",
    headers: { "content-type": contentType },
    body: raw,
  }).formData();
  let body: unknown;
  const files: RecordedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === "string") {
      if (field === "payload_json") body = JSON.parse(value);
      continue;
    }
    files.push({
      field,
      name: value.name,
      contentType: value.type,
      data: Buffer.from(await value.arrayBuffer()),
    });
  }
  return { body, files };
}

export function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/**
 * "/api/v10/channels/1" → "/channels/1"; the version is optional so older clients still route.
 * Segments are decoded because discord.js sends "@original" as "%40original".
 */
export function apiPath(pathname: string): string {
  const bare = pathname.replace(/^\/api(?=\/|$)/, "").replace(/^\/v\d+(?=\/|$)/, "") || "/";
  return bare.split("/").map(decodeURIComponent).join("/");
}

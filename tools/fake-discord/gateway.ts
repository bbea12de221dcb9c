/** The gateway half: HELLO/IDENTIFY/RESUME handshakes, sessions per shard, and dispatch routing. */

import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type RawData, WebSocket, WebSocketServer } from "ws";
import { shardOf } from "./ids.ts";
import { guildCreatePayload, withAuthorMember } from "./payloads.ts";
import type { IdentifyRecord, Json, ResumeRecord } from "./types.ts";
import { PRIVILEGED_INTENTS, type World } from "./world.ts";

const GUILD_MESSAGES = 1 << 9;
const DIRECT_MESSAGES = 1 << 12;
const MESSAGE_CONTENT = 1 << 15;

/** The application's "limited" flags for the privileged intents it may use (under 100 servers). */
function applicationFlags(world: World): number {
  const allowed = world.privilegedIntents;
  return (
    (allowed & (1 << 8) ? 1 << 13 : 0) |
    (allowed & (1 << 1) ? 1 << 15 : 0) |
    (allowed & MESSAGE_CONTENT ? 1 << 19 : 0)
  );
}

/** Close codes after which Discord keeps the session, so RESUME works; any other code kills it. */
const SESSION_SURVIVES = new Set([1000, 1001, 1012, 4000, 4001, 4002, 4005, 4008]);

interface Session {
  id: string;
  shard: [number, number];
  intents: number;
  seq: number;
  socket: WebSocket | null;
  valid: boolean;
}

interface Connection {
  ws: WebSocket;
  session: Session | null;
}

interface Pending {
  guildId: string | null;
  t: string;
  build: (s: Session) => Json | null;
  resolve: (delivered: number) => void;
}

export class Gateway {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  url = "";
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly conns = new Set<Connection>();
  private readonly sessions = new Map<string, Session>();
  /** Events sent while no session owned their shard (bot still connecting or reconnecting). */
  private pending: Pending[] = [];

  constructor(private readonly world: World) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, url.searchParams));
  }

  openConnections(): number {
    return [...this.conns].filter((c) => c.ws.readyState === WebSocket.OPEN).length;
  }

  private accept(ws: WebSocket, params: URLSearchParams): void {
    const conn: Connection = { ws, session: null };
    this.conns.add(conn);
    ws.on("error", () => {});
    ws.on("close", () => {
      this.conns.delete(conn);
      if (conn.session?.socket === ws) conn.session.socket = null;
    });
    ws.on("message", (data) => this.onMessage(conn, data));
    const version = params.get("v");
    if (version && version !== "10") {
      ws.close(4012, "Invalid API version");
      return;
    }
    if ((params.get("encoding") ?? "json") !== "json" || params.has("compress")) {
      // Only plain JSON is implemented; fail loudly rather than send frames the client can't read.
      console.error("fake-discord: unsupported gateway params", params.toString());
      ws.close(1003, "fake-discord supports encoding=json without compression only");
      return;
    }
    this.send(ws, { op: 10, d: { heartbeat_interval: 41250, _trace: ["fake-discord"] } });
  }

  private send(ws: WebSocket, payload: Json): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  private onMessage(conn: Connection, data: RawData): void {
    let payload: { op?: number; d?: Json };
    try {
      payload = JSON.parse(data.toString());
    } catch {
      conn.ws.close(4002, "Error while decoding payload.");
      return;
    }
    const d = payload.d ?? {};
    switch (payload.op) {
      case 1:
        this.send(conn.ws, { op: 11 });
        return;
      case 2:
        this.identify(conn, d);
        return;
      case 6:
        this.resume(conn, d);
        return;
      default:
        // Presence, voice and member requests are accepted and ignored, but only once authenticated.
        if (!conn.session) conn.ws.close(4003, "Not authenticated.");
    }
  }

  private identify(conn: Connection, d: Json): void {
    if (conn.session) {
      conn.ws.close(4005, "Already authenticated.");
      return;
    }
    if (d.token !== this.world.token) {
      conn.ws.close(4004, "Authentication failed.");
      return;
    }
    const requested = d.shard as [number, number] | undefined;
    const shard: [number, number] = requested ?? [0, 1];
    if (shard[0] >= shard[1]) {
      conn.ws.close(4010, "Invalid shard.");
      return;
    }
    const intents = Number(d.intents ?? 0);
    this.identifies.push({ shard: requested, intents, at: Date.now() });
    if (intents & PRIVILEGED_INTENTS & ~this.world.privilegedIntents) {
      conn.ws.close(4014, "Disallowed intent(s).");
      return;
    }
    const session: Session = {
      id: randomBytes(16).toString("hex"),
      shard,
      intents,
      seq: 0,
      socket: conn.ws,
      valid: true,
    };
    this.sessions.set(session.id, session);
    conn.session = session;
    const guilds = [...this.world.guilds.values()].filter((g) => this.owns(session, g.id));
    this.dispatchTo(session, "READY", {
      v: 10,
      user: { ...this.world.botUser, verified: true, mfa_enabled: false, email: null },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: "normal",
      resume_gateway_url: this.url,
      shard,
      application: { id: this.world.applicationId, flags: applicationFlags(this.world) },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      _trace: ["fake-discord"],
    });
    for (const guild of guilds)
      this.dispatchTo(session, "GUILD_CREATE", guildCreatePayload(this.world, guild));
    this.flushPending(session);
  }

  private resume(conn: Connection, d: Json): void {
    const sessionId = String(d.session_id ?? "");
    // discord.js answers a resumable op 9 by resuming on the same socket, so that is allowed.
    if (conn.session && conn.session.id !== sessionId) {
      conn.ws.close(4005, "Already authenticated.");
      return;
    }
    if (d.token !== this.world.token) {
      conn.ws.close(4004, "Authentication failed.");
      return;
    }
    const session = this.sessions.get(sessionId);
    const accepted = session?.valid === true;
    this.resumes.push({ sessionId, seq: Number(d.seq ?? 0), accepted, at: Date.now() });
    if (!session || !accepted) {
      this.send(conn.ws, { op: 9, d: false });
      return;
    }
    session.socket = conn.ws;
    conn.session = session;
    // Nothing is replayed: events sent while disconnected were queued as pending instead.
    this.send(conn.ws, { op: 0, t: "RESUMED", s: session.seq, d: { _trace: ["fake-discord"] } });
    this.flushPending(session);
  }

  private owns(session: Session, guildId: string | null): boolean {
    const [id, count] = session.shard;
    // Discord delivers DMs on shard 0.
    return guildId ? shardOf(guildId, count) === id : id === 0;
  }

  private live(): Session[] {
    return [...this.sessions.values()].filter(
      (s) => s.valid && s.socket?.readyState === WebSocket.OPEN,
    );
  }

  private dispatchTo(session: Session, t: string, d: Json): void {
    if (!session.socket) return;
    session.seq += 1;
    this.send(session.socket, { op: 0, t, s: session.seq, d });
  }

  /**
   * Sends an event to every live session owning the guild's shard (shard 0 for DMs). If none is
   * connected yet, the event waits for the next READY/RESUMED. Resolves with the number of sessions
   * that received it; `build` may return null to withhold it from a session (intents).
   */
  dispatch(guildId: string | null, t: string, build: (s: Session) => Json | null): Promise<number> {
    const targets = this.live().filter((s) => this.owns(s, guildId));
    if (targets.length === 0) {
      return new Promise((resolve) => this.pending.push({ guildId, t, build, resolve }));
    }
    return Promise.resolve(this.deliver(targets, t, build));
  }

  private deliver(targets: Session[], t: string, build: (s: Session) => Json | null): number {
    let delivered = 0;
    for (const s of targets) {
      const d = build(s);
      if (!d) continue;
      this.dispatchTo(s, t, d);
      delivered++;
    }
    return delivered;
  }

  private flushPending(session: Session): void {
    const mine = this.pending.filter((p) => this.owns(session, p.guildId));
    this.pending = this.pending.filter((p) => !mine.includes(p));
    for (const p of mine) p.resolve(this.deliver([session], p.t, p.build));
  }

  /** MESSAGE_CREATE with Discord's intent rules: no GUILD_MESSAGES, no event; no MESSAGE_CONTENT, no content. */
  dispatchMessageCreate(msg: Json): Promise<number> {
    const guildId = typeof msg.guild_id === "string" ? msg.guild_id : null;
    const botId = this.world.applicationId;
    // Without the Message Content intent, Discord empties the content of messages that are neither
    // the bot's, nor mention it, nor DMs; a reply's `referenced_message` is judged on its own.
    const exempt = (m: Json) =>
      !guildId ||
      (m.author as Json | undefined)?.id === botId ||
      ((m.mentions as Json[] | undefined) ?? []).some((u) => u.id === botId);
    const emptied = (m: Json): Json => ({
      ...m,
      content: "",
      embeds: [],
      attachments: [],
      components: [],
    });
    // Discord adds the channel's type to MESSAGE_CREATE: how a client makes sense of a DM whose
    // channel it has never seen.
    const channelType = this.world.channels.get(String(msg.channel_id))?.type ?? 0;
    const full = { ...withAuthorMember(this.world, msg), channel_type: channelType };
    const referenced = msg.referenced_message as Json | null | undefined;
    return this.dispatch(guildId, "MESSAGE_CREATE", (s) => {
      if (!(s.intents & (guildId ? GUILD_MESSAGES : DIRECT_MESSAGES))) return null;
      if (s.intents & MESSAGE_CONTENT) return full;
      const readable = exempt(msg) ? full : emptied(full);
      return referenced && !exempt(referenced)
        ? { ...readable, referenced_message: emptied(referenced) }
        : readable;
    });
  }

  /** MESSAGE_DELETE, as Discord sends it to sessions with the messages intent of its channel. */
  dispatchMessageDelete(msg: Json): Promise<number> {
    const guildId = typeof msg.guild_id === "string" ? msg.guild_id : null;
    const payload: Json = { id: msg.id, channel_id: msg.channel_id };
    if (guildId) payload.guild_id = guildId;
    return this.dispatch(guildId, "MESSAGE_DELETE", (s) =>
      s.intents & (guildId ? GUILD_MESSAGES : DIRECT_MESSAGES) ? payload : null,
    );
  }

  closeConnections(code: number): void {
    for (const conn of this.conns) {
      if (conn.session && !SESSION_SURVIVES.has(code)) conn.session.valid = false;
      conn.ws.close(code, `fake-discord closed with ${code}`);
    }
  }

  invalidateSession(resumable: boolean): void {
    for (const conn of this.conns) {
      if (!conn.session) continue;
      if (!resumable) {
        conn.session.valid = false;
        conn.session.socket = null;
        conn.session = null;
      }
      this.send(conn.ws, { op: 9, d: resumable });
    }
  }

  close(): void {
    for (const conn of this.conns) conn.ws.terminate();
    this.conns.clear();
    this.pending = [];
    this.wss.close();
  }
}

/**
 * What the sharding manager and its shard processes say to each other over the IPC channel `fork`
 * opens, besides health (health.ts):
 *
 *   shard → manager  { type: IDENTIFY, nonce, shardId }   may this shard identify now?
 *   manager → shard  { type: IDENTIFY_GO, nonce }         yes (the host's throttler let it go)
 *   shard → manager  { type: IDENTIFY_CANCEL, nonce }     no longer needed (the shard closed)
 *   shard → manager  { type: READY }                      every shard of the process is ready
 *
 * The identify questions go to the manager because it holds the host's one throttler
 * (identify-throttler.ts): processes of one host would otherwise each pace only themselves.
 */
import type { IdentifyThrottler } from "./identify-throttler.ts";

export const IDENTIFY_MESSAGE = "declaration-bot:identify";
export const IDENTIFY_GO_MESSAGE = "declaration-bot:identify-go";
export const IDENTIFY_CANCEL_MESSAGE = "declaration-bot:identify-cancel";
export const READY_MESSAGE = "declaration-bot:ready";

export interface IdentifyRequest {
  type: typeof IDENTIFY_MESSAGE;
  nonce: number;
  shardId: number;
}

interface Nonced {
  type: string;
  nonce: number;
}

function isMessage(message: unknown, type: string): message is Nonced {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as { type?: unknown }).type === type &&
    typeof (message as { nonce?: unknown }).nonce === "number"
  );
}

export function isReadyMessage(message: unknown): boolean {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as { type?: unknown }).type === READY_MESSAGE
  );
}

/** The shard process's side: an identify throttler that asks the manager. */
export class ManagerIdentifyThrottler implements IdentifyThrottler {
  private nonce = 0;
  private readonly waiting = new Map<number, () => void>();

  constructor(private readonly send: (message: unknown) => void) {
    process.on("message", (message: unknown) => {
      if (isMessage(message, IDENTIFY_GO_MESSAGE)) this.waiting.get(message.nonce)?.();
    });
  }

  waitForIdentify(shardId: number, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    const nonce = ++this.nonce;
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.waiting.delete(nonce);
        this.send({ type: IDENTIFY_CANCEL_MESSAGE, nonce });
        reject(signal.reason);
      };
      this.waiting.set(nonce, () => {
        this.waiting.delete(nonce);
        signal.removeEventListener("abort", onAbort);
        resolve();
      });
      signal.addEventListener("abort", onAbort, { once: true });
      this.send({ type: IDENTIFY_MESSAGE, nonce, shardId } satisfies IdentifyRequest);
    });
  }

  async close(): Promise<void> {}
}

/**
 * The manager's side, for one shard process: answers its identify questions through the host's
 * throttler. Returns a function that cancels every question still waiting (the process exited).
 */
export function serveIdentify(
  child: {
    on(event: "message", listener: (message: unknown) => void): unknown;
    send(message: unknown): unknown;
  },
  allowed: ReadonlySet<number>,
  throttler: IdentifyThrottler,
  onError: (error: unknown) => void,
): () => void {
  const pending = new Map<number, AbortController>();
  child.on("message", (message: unknown) => {
    if (isMessage(message, IDENTIFY_CANCEL_MESSAGE)) {
      pending.get(message.nonce)?.abort(new Error("the shard no longer waits to identify"));
      pending.delete(message.nonce);
      return;
    }
    if (!isMessage(message, IDENTIFY_MESSAGE)) return;
    const { nonce, shardId } = message as IdentifyRequest;
    // A process asks only for the shards it was given; anything else would bypass the layout.
    if (!allowed.has(shardId)) return;
    const controller = new AbortController();
    pending.set(nonce, controller);
    throttler.waitForIdentify(shardId, controller.signal).then(
      () => {
        pending.delete(nonce);
        try {
          child.send({ type: IDENTIFY_GO_MESSAGE, nonce });
        } catch {
          // The process is gone; it will ask again when it is back.
        }
      },
      (error: unknown) => {
        pending.delete(nonce);
        if (controller.signal.aborted) return;
        onError(error);
        // Only a bug gets here (the throttlers fall back rather than fail): a shard that never
        // connects is worse than one IDENTIFY that may come early.
        try {
          child.send({ type: IDENTIFY_GO_MESSAGE, nonce });
        } catch {
          // The process is gone.
        }
      },
    );
  });
  return () => {
    for (const controller of pending.values()) controller.abort(new Error("shard process exited"));
    pending.clear();
  };
}

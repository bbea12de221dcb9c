import { afterEach, describe, expect, it, vi } from "vitest";
import { Quiet } from "../../src/store/quiet.ts";

afterEach(() => {
  vi.useRealTimers();
});

function deferred(): { promise: Promise<void>; resolve(): void; reject(): void } {
  let resolve = () => {};
  let reject = () => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = () => rej(new Error("failed"));
  });
  return { promise, resolve, reject };
}

describe("Quiet", () => {
  it("runs work at once when nothing an answer waits for is under way", () => {
    const quiet = new Quiet();
    const ran = vi.fn();
    quiet.whenQuiet(ran);
    expect(ran).toHaveBeenCalledOnce();
  });

  it("holds work until every tracked statement has settled, failed ones too", async () => {
    const quiet = new Quiet();
    const first = deferred();
    const second = deferred();
    quiet.track(first.promise);
    quiet.track(second.promise).catch(() => {});
    const ran = vi.fn();
    quiet.whenQuiet(ran);
    first.resolve();
    await first.promise;
    expect(ran).not.toHaveBeenCalled();
    second.reject();
    await second.promise.catch(() => {});
    await Promise.resolve();
    expect(ran).toHaveBeenCalledOnce();
  });

  it("never holds work longer than its limit on a replica that is never idle", () => {
    vi.useFakeTimers();
    const quiet = new Quiet();
    quiet.track(new Promise(() => {}));
    const ran = vi.fn();
    quiet.whenQuiet(ran);
    vi.advanceTimersByTime(19);
    expect(ran).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ran).toHaveBeenCalledOnce();
  });
});

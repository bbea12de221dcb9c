/** After the flood: /ask still answered across the servers, and the flood was only chatter. */
import { check, f2, percentile } from "./report.ts";
import { GUILDS, SAMPLE_GUILDS, type ScaleRun } from "./worlds.ts";

export function reportScale(scale: readonly ScaleRun[], runs: number): void {
  const sampled = scale.flatMap((s) => s.sample.bot);
  const answered = sampled.filter((a) => a.answered).length;
  check(
    `after the flood, /ask answered in each of ${SAMPLE_GUILDS} servers spread over the ${GUILDS.toLocaleString("en")}`,
    answered === sampled.length,
    `${answered}/${sampled.length} over ${runs} run(s), p50 ${f2(
      percentile(
        sampled.map((a) => a.ms),
        0.5,
      ),
    )} ms (floor ${f2(
      percentile(
        scale.flatMap((s) => s.sample.floor.map((a) => a.ms)),
        0.5,
      ),
    )} ms)`,
  );
  const replies = scale.reduce((n, s) => n + s.chatterReplies.bot + s.chatterReplies.floor, 0);
  check(
    "the flood was ordinary chatter (neither bot replied)",
    replies === 0,
    `${replies} replies`,
  );
}

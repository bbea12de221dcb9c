/**
 * The floor of `npm run bench:e2e`: a do-nothing discord.js bot with default caches. It connects
 * with the same intents as the real bot (so it is fed the same events), answers every slash command
 * with one fixed embed, and ignores chat. Whatever it costs in latency and memory is discord.js's
 * own cost; the real bot is measured against it.
 *
 * Run by bench/e2e.ts compiled (bench/build.ts) as `node --expose-gc`, with BENCH_API_URL and
 * BENCH_TOKEN set.
 */
import { Client, Events, GatewayIntentBits } from "discord.js";
import { loopbackClientOptions, watchClient } from "./bot-child.ts";
import { failStartup, fakeFromEnv, serveParent } from "./child.ts";

const FIXED_EMBED = {
  title: "Floor",
  description: "A fixed answer from a bot that does nothing else.",
};

async function main(): Promise<void> {
  const fake = fakeFromEnv();
  const client = new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
    ],
    ...loopbackClientOptions(fake.apiUrl),
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    interaction.reply({ embeds: [FIXED_EMBED] }).catch((error: unknown) => {
      console.error("floor bot: reply failed", error);
    });
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(fake.token);
  await ready;
  serveParent(watchClient(client), () => client.destroy());
}

main().catch(failStartup);

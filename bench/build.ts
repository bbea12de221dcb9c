/**
 * Compiles a bench child (TypeScript) into one plain ES module, as a production build would, so the
 * bench can run it with bare `node` instead of through tsx.
 *
 * Why: tsx compiles on the fly in a loader thread with its own V8 heap, which costs tens of MB of
 * RSS, more for the bot than for the floor since the bot loads more TypeScript. That is the price of
 * running sources directly, not of anything the bot keeps; `npm run bench:e2e -- --tsx` measures it.
 *
 * The bundle holds the project's own code only (packages stay imports, resolved from the project's
 * node_modules, since the bundle is written under node_modules/.cache/). What the sources import
 * on first use (`import()`, such as the quote checker behind /verify) becomes a chunk of its own,
 * loaded when the code asks for it as from dist/, not at start. Every `import.meta.url`
 * (and dirname/filename) is replaced by the source file's own, so paths such as the declaration's
 * data directory resolve exactly as they do from the sources.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");
export const BUILD_DIR = path.join(ROOT, "node_modules/.cache/declaration-bot-bench");

const keepImportMeta: Plugin = {
  name: "keep-import-meta",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const contents = source
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll("import.meta.dirname", JSON.stringify(path.dirname(args.path)))
        .replaceAll("import.meta.filename", JSON.stringify(args.path));
      return { contents, loader: "ts" };
    });
  },
};

/** Bundles `entry` (relative to the project root); resolves with the path of the .mjs written. */
export async function bundle(entry: string): Promise<string> {
  const name = path.basename(entry, ".ts");
  const outdir = path.join(BUILD_DIR, name);
  await build({
    entryPoints: [path.join(ROOT, entry)],
    outdir,
    outExtension: { ".js": ".mjs" },
    splitting: true,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    plugins: [keepImportMeta],
    logLevel: "warning",
  });
  return path.join(outdir, `${name}.mjs`);
}

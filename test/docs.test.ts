/**
 * The README and docs/ hold together: every relative link leads to a file that exists and every
 * `#anchor` to a heading of its page (GitHub's slugs), every repository path they name in code
 * exists, and docs/architecture.md describes the source tree as it is: each folder and file it
 * names exists, and each folder of src/ has its line in the tree and its section.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const DOCS = path.join(ROOT, "docs");
const PAGES = [
  "README.md",
  ...readdirSync(DOCS)
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

const read = (page: string) => readFileSync(path.join(ROOT, page), "utf8");

/** The lines of a Markdown text outside fenced code blocks, with their line numbers (1-based). */
function prose(text: string): { line: string; n: number }[] {
  const out: { line: string; n: number }[] = [];
  let fence: string | null = null;
  text.split("\n").forEach((line, i) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null;
      return;
    }
    if (fence === null) out.push({ line, n: i + 1 });
  });
  return out;
}

/** The fenced code blocks of a Markdown text, each as its lines. */
function fences(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] | null = null;
  for (const line of text.split("\n")) {
    if (/^\s*(`{3,}|~{3,})/.test(line)) {
      if (current) {
        blocks.push(current);
        current = null;
      } else current = [];
    } else current?.push(line);
  }
  return blocks;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors of a page's headings, numbered as GitHub numbers repeats (`-1`, `-2`…). */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const { line } of prose(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    out.add(count === 0 ? base : `${base}-${count}`);
  }
  return out;
}

/** Inline links `[text](target)` outside code, with where they are. */
function links(text: string): { target: string; n: number }[] {
  const out: { target: string; n: number }[] = [];
  for (const { line, n } of prose(text)) {
    const withoutCode = line.replace(/`[^`]*`/g, "");
    for (const m of withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      out.push({ target: m[1] ?? "", n });
    }
  }
  return out;
}

/** Code spans that are a path in this repository: `src/…`, `test/…`, `data/…`… */
const REPO_PATH = /^(?:src|test|tools|bench|data|deploy|examples|scripts|docs)\/[\w./-]+$/;

describe("slug", () => {
  it("makes GitHub's anchors", () => {
    expect(slug("Scaling out: sharding")).toBe("scaling-out-sharding");
    expect(slug("Figures (`npm run eval`)")).toBe("figures-npm-run-eval");
    expect(slug("Following one command: `/measure`")).toBe("following-one-command-measure");
    expect(slug("`src/discord/commands/`")).toBe("srcdiscordcommands");
    expect(slug("HTTP mode: latest numbers")).toBe("http-mode-latest-numbers");
  });
});

describe.each(PAGES)("%s", (page) => {
  const text = read(page);
  const dir = path.dirname(path.join(ROOT, page));

  it("links only to files that exist and headings that exist", () => {
    const broken: string[] = [];
    for (const { target, n } of links(text)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
      const [file = "", anchor] = target.split("#");
      const resolved = file === "" ? path.join(ROOT, page) : path.resolve(dir, decodeURI(file));
      if (!existsSync(resolved)) {
        broken.push(`${page}:${n} ${target}: no such file`);
        continue;
      }
      if (anchor === undefined) continue;
      if (!resolved.endsWith(".md")) {
        broken.push(`${page}:${n} ${target}: an anchor into a file that is not Markdown`);
        continue;
      }
      if (!anchors(readFileSync(resolved, "utf8")).has(anchor)) {
        broken.push(`${page}:${n} ${target}: no such heading`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("names only repository paths that exist", () => {
    const missing: string[] = [];
    for (const { line, n } of prose(text)) {
      for (const m of line.matchAll(/`([^`]+)`/g)) {
        const span = m[1] ?? "";
        if (REPO_PATH.test(span) && !existsSync(path.join(ROOT, span))) {
          missing.push(`${page}:${n} ${span}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("docs/architecture.md", () => {
  const text = read("docs/architecture.md");
  const sourceDirs = (dir: string): string[] =>
    readdirSync(path.join(ROOT, dir), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((e) => [`${dir}/${e.name}/`, ...sourceDirs(`${dir}/${e.name}`)]);
  const SRC_DIRS = ["src/", ...sourceDirs("src")];

  /** The tree's entries as paths: `src/`, `src/core/`, `src/main.ts`… */
  const tree = (() => {
    const block = fences(text)[0] ?? [];
    const stack: string[] = [];
    return block
      .filter((l) => l.trim())
      .map((line) => {
        const depth = (line.length - line.trimStart().length) / 2;
        const name = line.trim().split(/\s+/)[0] ?? "";
        stack.length = depth;
        stack.push(name);
        return stack.join("");
      });
  })();

  it("draws a tree of paths that exist", () => {
    expect(tree.length).toBeGreaterThan(10);
    expect(tree.filter((p) => !existsSync(path.join(ROOT, p)))).toEqual([]);
  });

  it("has every folder of src/ in its tree and a section for each", () => {
    expect(SRC_DIRS.filter((d) => !tree.includes(d))).toEqual([]);
    const sections = [...text.matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1]);
    expect(SRC_DIRS.filter((d) => !sections.includes(d))).toEqual([]);
  });

  it("names, in each folder's section, only files of that folder", () => {
    const missing: string[] = [];
    let folder: string | null = null;
    for (const { line, n } of prose(text)) {
      if (/^#{1,6}\s/.test(line)) {
        folder = /^### `([^`]+\/)`$/.exec(line)?.[1] ?? null;
        continue;
      }
      if (!folder) continue;
      for (const m of line.matchAll(/`([\w.-]+\.(?:ts|json|mjs|md|txt))`/g)) {
        const file = `${folder}${m[1]}`;
        if (!existsSync(path.join(ROOT, file)) || !statSync(path.join(ROOT, file)).isFile()) {
          missing.push(`docs/architecture.md:${n} ${file}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

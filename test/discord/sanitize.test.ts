import { describe, expect, it } from "vitest";
import { cleanInput, echo } from "../../src/discord/interaction/sanitize.ts";

describe("cleanInput", () => {
  it("removes control, zero-width and bidi characters and collapses whitespace", () => {
    expect(cleanInput("\u0000me\u200bsure\u200d\t\n 4\u202e\u0007", 100)).toBe("mesure 4");
    expect(cleanInput("\ufeff\u2060\u200b", 100)).toBe("");
  });

  it("keeps letters of every script, emoji and markdown", () => {
    expect(cleanInput("مخدرات עברית 😀 **gras**", 100)).toBe("مخدرات עברית 😀 **gras**");
  });

  it("bounds the result and never cuts an emoji in half", () => {
    expect(cleanInput("x".repeat(10_000), 300)).toHaveLength(300);
    const cut = cleanInput(`${"x".repeat(299)}😀`, 300);
    expect(cut).toBe("x".repeat(299));
  });
});

describe("echo", () => {
  it("escapes markdown and defuses mentions", () => {
    const shown = echo("**@everyone** <@&123> <@456> <#789> ```x```", 100);
    expect(shown).not.toContain("**");
    expect(shown).not.toContain("```");
    expect(shown).not.toMatch(/@everyone|<@&123>|<@456>|<#789>/);
  });

  it.each([
    ["a masked link", "[click me](https://evil.example)", /(^|[^\\])\[click me\]\(https/],
    ["a timestamp", "<t:1700000000:R>", /<t:/],
    ["a custom emoji", "<:pepe:123456789012345678>", /<:pepe:/],
    ["an animated emoji", "<a:pepe:123456789012345678>", /<a:pepe:/],
    ["a command mention", "</ask:123456789012345678>", /<\/ask:/],
    ["an unembedded link", "<https://evil.example>", /<https:/],
    ["a full-width @everyone", "＠everyone look", /[@＠]everyone/],
    ["a heading", "# Big title", /^# /],
  ])("neutralises %s", (_name, input, rendered) => {
    expect(echo(input, 100)).not.toMatch(rendered);
  });

  it("is short", () => {
    expect(echo("a ".repeat(500), 60).length).toBeLessThanOrEqual(60);
  });
});

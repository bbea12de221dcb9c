/**
 * /declaration: an overview (what the text is, who signed it, its structure) with a menu to open any
 * clause, and the whole text page by page. What it says is the catalogue's `overview`, and where
 * pages are cut the core's (core/overview.ts), which the console renders too.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
} from "discord-api-types/v10";
import { paginate, structureLines } from "../../core/overview.ts";
import type { Clause, Lang } from "../../core/types.ts";
import { textsFor } from "../../text/index.ts";
import { encodeCustomId } from "./custom-ids.ts";
import { escapeMarkdown } from "./highlight.ts";
import { LIMITS, truncate } from "./limits.ts";
import { EMBED_COLOR } from "./payloads.ts";

type Row =
  | APIActionRowComponent<APIButtonComponent>
  | APIActionRowComponent<APIStringSelectComponent>;

export interface ViewPayload {
  content?: string;
  embeds: APIEmbed[];
  components: Row[];
}

export function overviewPayload(clauses: readonly Clause[], lang: Lang): ViewPayload {
  const { overview: o, document } = textsFor(lang);
  const signatories = clauses.find((c) => c.kind === "signatories");
  const structure = structureLines(clauses, lang).join("\n");
  const fields = [];
  if (signatories) {
    const translation = lang === "fr" ? "" : `\n*${escapeMarkdown(signatories.text[lang])}*`;
    fields.push({
      name: o.signatories,
      value: truncate(`${escapeMarkdown(signatories.text.fr)}${translation}`, LIMITS.fieldValue),
    });
  }
  fields.push({ name: o.structure, value: truncate(structure, LIMITS.fieldValue) });
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    title: truncate(document.name, LIMITS.embedTitle),
    description: truncate(`${o.intro}\n\n${o.howTo}`, LIMITS.embedDescription),
    fields,
  };
  const menu: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: encodeCustomId({ kind: "open" }),
    placeholder: truncate(o.openClause, LIMITS.selectPlaceholder),
    options: clauses.slice(0, LIMITS.selectOptions).map((c) => ({
      label: truncate(`${c.label[lang]} — ${c.title[lang]}`, LIMITS.selectLabel),
      value: c.id,
      description: truncate(c.text.fr, LIMITS.selectDescription),
    })),
  };
  const read: APIButtonComponent = {
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    label: truncate(o.readWholeText, LIMITS.buttonLabel),
    custom_id: encodeCustomId({ kind: "page", page: 0 }),
  };
  return {
    embeds: [embed],
    components: [
      { type: ComponentType.ActionRow, components: [menu] },
      { type: ComponentType.ActionRow, components: [read] },
    ],
  };
}

/** Page `page` (0-based, clamped) of the whole text. */
export function pagePayload(clauses: readonly Clause[], page: number, lang: Lang): ViewPayload {
  const { overview, document, card } = textsFor(lang);
  const pages = paginate(clauses);
  const index = Math.min(Math.max(0, page), pages.length - 1);
  const pageName = (n: number) => overview.page({ n, total: pages.length });
  const onPage = pages[index] ?? [];
  const description = onPage
    .map((c) => `**${escapeMarkdown(c.label.fr)}**\n${escapeMarkdown(c.text.fr)}`)
    .join("\n\n");
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    title: truncate(`${document.name} — ${pageName(index + 1)}`, LIMITS.embedTitle),
    description: truncate(description, LIMITS.embedDescription),
  };
  if (lang !== "fr") {
    embed.fields = onPage.slice(0, LIMITS.embedFields).map((c) => ({
      name: truncate(c.label[lang], LIMITS.fieldName),
      value: truncate(escapeMarkdown(c.text[lang]), LIMITS.fieldValue),
    }));
    embed.footer = { text: truncate(document.unofficial, LIMITS.footerText) };
  }
  const buttons: APIButtonComponent[] = [];
  if (index > 0) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: truncate(card.previous({ label: pageName(index) }), LIMITS.buttonLabel),
      custom_id: encodeCustomId({ kind: "page", page: index - 1 }),
    });
  }
  if (index < pages.length - 1) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: truncate(card.next({ label: pageName(index + 2) }), LIMITS.buttonLabel),
      custom_id: encodeCustomId({ kind: "page", page: index + 1 }),
    });
  }
  buttons.push({
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    label: truncate(overview.back, LIMITS.buttonLabel),
    custom_id: encodeCustomId({ kind: "overview" }),
  });
  return { embeds: [embed], components: [{ type: ComponentType.ActionRow, components: buttons }] };
}

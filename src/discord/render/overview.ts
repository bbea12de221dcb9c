/**
 * /declaration: an overview (what the text is, who signed it, its structure) with a menu to open any
 * clause, and the whole text page by page. Pages are cut on the French text only, so page N is the
 * same for every reader whatever their language.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
} from "discord-api-types/v10";
import { DECLARATION_NAME, UNOFFICIAL } from "../../core/messages.ts";
import type { Clause, Lang } from "../../core/types.ts";
import { strings } from "../i18n/strings.ts";
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

/** French characters per page: with the translations alongside, a page stays far below 6000. */
export const PAGE_BUDGET = 1500;

export function overviewPayload(clauses: readonly Clause[], lang: Lang): ViewPayload {
  const s = strings(lang);
  const signatories = clauses.find((c) => c.kind === "signatories");
  const structure = [
    ...s.structureLines.map((line) => `• ${line}`),
    "",
    ...clauses
      .filter((c) => c.kind === "measure")
      .map((c) => `${c.label[lang]} — ${c.title[lang]}`),
  ].join("\n");
  const fields = [];
  if (signatories) {
    const translation = lang === "fr" ? "" : `\n*${escapeMarkdown(signatories.text[lang])}*`;
    fields.push({
      name: s.overviewSignatories,
      value: truncate(`${escapeMarkdown(signatories.text.fr)}${translation}`, LIMITS.fieldValue),
    });
  }
  fields.push({ name: s.overviewStructure, value: truncate(structure, LIMITS.fieldValue) });
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    title: truncate(DECLARATION_NAME[lang], LIMITS.embedTitle),
    description: truncate(`${s.overviewIntro}\n\n${s.overviewHowTo}`, LIMITS.embedDescription),
    fields,
  };
  const menu: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: encodeCustomId({ kind: "open" }),
    placeholder: truncate(s.openClause, LIMITS.selectPlaceholder),
    options: clauses.slice(0, LIMITS.selectOptions).map((c) => ({
      label: truncate(`${c.label[lang]} — ${c.title[lang]}`, LIMITS.selectLabel),
      value: c.id,
      description: truncate(c.text.fr, LIMITS.selectDescription),
    })),
  };
  const read: APIButtonComponent = {
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    label: truncate(s.readWholeText, LIMITS.buttonLabel),
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

/** Groups clauses, in reading order, into pages of about PAGE_BUDGET French characters. */
export function paginate(clauses: readonly Clause[], budget = PAGE_BUDGET): Clause[][] {
  const pages: Clause[][] = [];
  let current: Clause[] = [];
  let size = 0;
  for (const clause of clauses) {
    if (current.length > 0 && size + clause.text.fr.length > budget) {
      pages.push(current);
      current = [];
      size = 0;
    }
    current.push(clause);
    size += clause.text.fr.length;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

/** Page `page` (0-based, clamped) of the whole text. */
export function pagePayload(clauses: readonly Clause[], page: number, lang: Lang): ViewPayload {
  const s = strings(lang);
  const pages = paginate(clauses);
  const index = Math.min(Math.max(0, page), pages.length - 1);
  const onPage = pages[index] ?? [];
  const description = onPage
    .map((c) => `**${escapeMarkdown(c.label.fr)}**\n${escapeMarkdown(c.text.fr)}`)
    .join("\n\n");
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    title: truncate(
      `${DECLARATION_NAME[lang]} — ${s.page(index + 1, pages.length)}`,
      LIMITS.embedTitle,
    ),
    description: truncate(description, LIMITS.embedDescription),
  };
  if (lang !== "fr") {
    embed.fields = onPage.slice(0, LIMITS.embedFields).map((c) => ({
      name: truncate(c.label[lang], LIMITS.fieldName),
      value: truncate(escapeMarkdown(c.text[lang]), LIMITS.fieldValue),
    }));
    embed.footer = { text: truncate(UNOFFICIAL[lang], LIMITS.footerText) };
  }
  const buttons: APIButtonComponent[] = [];
  if (index > 0) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: truncate(`◀ ${s.page(index, pages.length)}`, LIMITS.buttonLabel),
      custom_id: encodeCustomId({ kind: "page", page: index - 1 }),
    });
  }
  if (index < pages.length - 1) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: truncate(`${s.page(index + 2, pages.length)} ▶`, LIMITS.buttonLabel),
      custom_id: encodeCustomId({ kind: "page", page: index + 1 }),
    });
  }
  buttons.push({
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    label: truncate(s.overview, LIMITS.buttonLabel),
    custom_id: encodeCustomId({ kind: "overview" }),
  });
  return { embeds: [embed], components: [{ type: ComponentType.ActionRow, components: buttons }] };
}

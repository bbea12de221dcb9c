/**
 * The answer card: one embed per clause. Title = label — title; description = the French original
 * (it prevails) with the matched terms in bold; for English and Russian readers the working
 * translation in a field marked unofficial; footer = the declaration's name. Buttons lead to the
 * previous/next clause and to "see also" clauses.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord-api-types/v10";
import type { Clause, Lang } from "../../core/types.ts";
import { textsFor } from "../../text/index.ts";
import { type ComponentAction, encodeCustomId } from "./custom-ids.ts";
import { highlight } from "./highlight.ts";
import { embedLength, LIMITS, truncate } from "./limits.ts";
import { EMBED_COLOR } from "./payloads.ts";

export interface CardOptions {
  /** Display language: the title, the translation field and the footer. */
  lang: Lang;
  /** Words of the question that matched, to be bolded. */
  matched?: readonly string[];
}

export function clauseTitle(clause: Clause, lang: Lang): string {
  return truncate(`${clause.label[lang]} — ${clause.title[lang]}`, LIMITS.embedTitle);
}

export function clauseEmbed(clause: Clause, { lang, matched = [] }: CardOptions): APIEmbed {
  const { document } = textsFor(lang);
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    title: clauseTitle(clause, lang),
    footer: { text: truncate(document.name, LIMITS.footerText) },
  };
  if (lang !== "fr") {
    embed.fields = [
      {
        name: truncate(document.unofficial, LIMITS.fieldName),
        value: highlight(clause.text[lang], matched, LIMITS.fieldValue),
      },
    ];
  }
  // The description gets whatever the 6000-character embed total leaves (always plenty in practice).
  const room = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - embedLength(embed));
  embed.description = highlight(clause.text.fr, matched, room);
  return embed;
}

type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export interface CardLinks {
  previous?: Clause | undefined;
  next?: Clause | undefined;
  seeAlso?: readonly Clause[];
}

/** Navigation row (previous/next) and, when there are any, a "see also" row. */
export function cardComponents(links: CardLinks, lang: Lang): ButtonRow[] {
  const { card, answers } = textsFor(lang);
  const rows: ButtonRow[] = [];
  const navButton = (role: "prev" | "next", clause: Clause, label: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: truncate(label, LIMITS.buttonLabel),
    custom_id: encodeCustomId({ kind: "clause", role, clauseId: clause.id }),
  });
  const nav: APIButtonComponent[] = [];
  if (links.previous) {
    nav.push(
      navButton("prev", links.previous, card.previous({ label: links.previous.label[lang] })),
    );
  }
  if (links.next) {
    nav.push(navButton("next", links.next, card.next({ label: links.next.label[lang] })));
  }
  if (nav.length > 0) rows.push({ type: ComponentType.ActionRow, components: nav });
  const seeAlso = (links.seeAlso ?? []).slice(0, 2).map(
    (clause): APIButtonComponent => ({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: truncate(
        answers.seeAlso({ label: `${clause.label[lang]} — ${clause.title[lang]}` }),
        LIMITS.buttonLabel,
      ),
      custom_id: encodeCustomId({ kind: "clause", role: "see", clauseId: clause.id }),
    }),
  );
  if (seeAlso.length > 0) rows.push({ type: ComponentType.ActionRow, components: seeAlso });
  return rows;
}

export interface CardPayload {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
}

/** The row under a privately shown "closest passage": one button that posts the card for all. */
export function postRow(clause: Clause, lang: Lang): ButtonRow {
  return postButtonRow({ kind: "post", clauseId: clause.id }, lang);
}

/** One "post publicly" button doing `action`: a closest passage, or the overview offered so. */
export function postButtonRow(
  action: Extract<ComponentAction, { kind: "post" | "postOverview" }>,
  lang: Lang,
): ButtonRow {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: truncate(textsFor(lang).card.postPublicly, LIMITS.buttonLabel),
        custom_id: encodeCustomId(action),
      },
    ],
  };
}

export function cardPayload(clause: Clause, options: CardOptions & CardLinks): CardPayload {
  return {
    embeds: [clauseEmbed(clause, options)],
    components: cardComponents(options, options.lang),
  };
}

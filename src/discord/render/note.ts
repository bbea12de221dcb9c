/**
 * A term note ("c'est quoi l'OSCE ?"): an embed whose title says it is not from the declaration,
 * the note, where the declaration names the term, and the note's source. It never looks like a
 * clause card: another colour, no French original, no clause navigation.
 */
import type { APIEmbed } from "discord-api-types/v10";
import { noteWhere } from "../../core/answer-text.ts";
import type { Clause, Lang, TermNote } from "../../core/types.ts";
import { textsFor } from "../../text/index.ts";
import { LIMITS, truncate } from "./limits.ts";

/** Grey: a note is background, not the text. */
const NOTE_COLOR = 0x6b7280;

export function noteEmbed(note: TermNote, clause: Clause, lang: Lang): APIEmbed {
  const t = textsFor(lang);
  return {
    color: NOTE_COLOR,
    title: truncate(`${t.answers.note.label}: ${note.name[lang]}`, LIMITS.embedTitle),
    description: truncate(note.text[lang], LIMITS.embedDescription),
    fields: [
      {
        name: truncate(t.card.noteInDeclaration, LIMITS.fieldName),
        value: truncate(noteWhere(note, clause, lang), LIMITS.fieldValue),
      },
    ],
    footer: { text: truncate(`${note.source.title} — ${note.source.url}`, LIMITS.footerText) },
  };
}

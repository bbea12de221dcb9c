/** Every text in English (the catalogue is catalogue.ts; placeholders are format.ts's). */
import type { Catalogue } from "./catalogue.ts";

export const en = {
  nouns: {
    measure: "one:measure|other:measures",
    recital: "one:recital|other:recitals",
  },
  document: {
    name: "Declaration of the CSTO Foreign Ministers to the NATO Foreign Ministers",
    unofficial: "Unofficial working translation — the French text prevails",
  },
  answers: {
    noAnswer: "Nothing in the declaration answers this.",
    hints:
      'Try {overview} for an overview, {first} to {last}, or a question such as "who signed?", "what do they propose about drugs?", "what does the 2nd recital say?".',
    closest: "The declaration does not say this in so many words. The closest passage is: {label}.",
    closestOverview:
      "I'm not sure what you are asking. If it is about the declaration as a whole, here it is at a glance.",
    otherDocument:
      "This asks about an article or point of another document. The declaration has no articles: it has {recitals|recital} and {measures|measure}.",
    structure: {
      lead: "The declaration is made of, in order:",
      recitals: "a preamble of {n|one:recital|other:recitals}",
      measures: "{n|one:numbered measure|other:numbered measures}",
      closing: "a closing paragraph",
      signatories: "the signatures",
      signers: "the foreign ministers of {states|one:state|other:states} sign it",
      separator: "; ",
    },
    note: {
      label: "Note — not from the declaration",
      where: 'The declaration names "{name}" without explaining it, in: {label} — {title}.',
      source: "Source: {title} — {url}",
    },
    matched: "Matched: {words}",
    seeAlso: "See also: {label}",
  },
  overview: {
    intro:
      "Declaration of the CSTO foreign ministers calling on NATO to open contacts between the two organisations. The French text is authoritative; translations are unofficial.",
    signatories: "Signatories",
    structure: "Structure",
    structureLines: [
      "Opening: “We, the ministers…”",
      "{recitals|recital} (P1–P{recitals})",
      "The appeal to NATO",
      "{measures|measure} (M1–M{measures})",
      "Closing and signatories",
    ],
    page: "Page {n}/{total}",
    howTo: "Pick a clause from the menu, or read the whole text page by page.",
    openClause: "Open a clause…",
    readWholeText: "Read the whole text",
    back: "Overview",
    readOn:
      "One clause: /quote M3 or /measure 3. The whole text, page by page: /declaration 1 to /declaration {pages}.",
    nextPage: "Next page: /declaration {next}; overview: /declaration.",
    lastPage: "End of the text; overview: /declaration.",
  },
  card: {
    previous: "◀ {label}",
    next: "{label} ▶",
    postPublicly: "Post to the channel",
    posted: "Posted to the channel.",
    cannotPost: "I cannot post in this channel (permissions); the passage stays above.",
    citation: "— {label}, {declaration}",
    noteInDeclaration: "In the declaration",
  },
  quoteCheck: {
    titles: {
      verbatim: "Verbatim quote",
      near: "Near quote: words have changed",
      composite: "Composite quote: pieces put together",
      misattributed: "Misattributed quote",
      "not-found": "Quote not found in the declaration",
      "too-short": "Too short to check",
    },
    source: "Source: {label}.",
    misattributed: "These words are in {actual}, not in {named}.",
    pieces: "Pieces of: {labels}, presented as one quote.",
    nonContiguous: "Non-contiguous pieces of {label}, presented as one quote.",
    notFound: "No clause says this. The closest passage: {label}.",
    nothingClose: "No clause says this.",
    tooShort: "Quote at least {min|one:character|other:characters} for me to judge.",
    changes: "Changes:",
    negation: "⚠ A negation was added, removed or changed: the meaning may be reversed.",
    number: "⚠ A number was added, removed or changed.",
    accents: "Accents differ: not a misquote.",
    typos: "The quote corrects a typo of the original ({words}): not a misquote.",
    moved: "The word order differs; moved: {words}.",
    typography: "Only the typography differs (quotation marks, apostrophes, dashes, case).",
    unofficial: "Compared with the unofficial working translation; the French text prevails.",
    nowhere: "a clause that does not exist",
  },
  followUps: {
    gist: "In short: {title}.",
    end: "{label} is the end of the declaration: nothing comes after it.",
    start: "{label} is the start of the declaration: nothing comes before it.",
    noContext:
      "Which clause do you mean? Reply to one of my clause cards or to a message that cites one (“measure 1”), or name it.",
    gone: "I can no longer find the message you replied to (it may have been deleted). Name the clause instead, for example “measure 1”.",
  },
  help: {
    title: "What I can do",
    entries: [
      {
        usage: "/measure N",
        what: "Shows measure N (1 to {measures}).",
        example: "/measure 3",
        where: "both",
      },
      {
        usage: "/ask question",
        what: "Finds the passage that answers.",
        example: "/ask who signed the declaration?",
        where: "both",
      },
      {
        usage: "/quote clause",
        what: "Quotes a clause (M3, P2, signatories, “measure 4”…).",
        example: "/quote M4",
        where: "both",
      },
      {
        usage: "/declaration",
        what: "Overview, a menu of the clauses, and page-by-page reading.",
        where: "discord",
      },
      {
        usage: "/declaration [N]",
        what: "Overview: what the text is, who signed it, its clauses; with N, page N of the whole text.",
        example: "/declaration 1",
        where: "console",
      },
      {
        usage: "In chat",
        what: "Mention me or reply to one of my messages with a question. When someone writes “as measure 2 says”, I quote measure 2.",
        where: "discord",
      },
      {
        usage: "/verify quote",
        what: "Checks a quotation: verbatim, near (each changed word), composite, misattributed or not found. In chat, I point out inexact quotations.",
        example: '/verify measure 3 says "facilitate contacts"',
        where: "both",
      },
      {
        usage: "Right-click a message → Apps",
        what: "Find in declaration; Check quote; Quote cited clauses.",
        where: "discord",
      },
      {
        usage: "/settings (Manage Server)",
        what: "Q&A channels, automatic quoting, default language, question text with feedback.",
        where: "discord",
      },
      {
        usage: "/lang fr|en|ru",
        what: "The language of answers and of the translation shown.",
        where: "console",
      },
      { usage: "/help", what: "This help; /quit to leave.", where: "console" },
    ],
    feedbackTitle: "👍 / 👎 under an answer",
  },
  settings: {
    title: "Server settings",
    qaChannels: "Q&A channels",
    none: "none",
    quoting: "Quoting clauses mentioned in chat",
    quoteCheck: "Checking quotations in chat",
    language: "Language of chat answers",
    feedback: "Feedback (👍/👎)",
    on: "on",
    off: "off",
    languageAuto: "automatic (server locale)",
    languageNames: { fr: "French", en: "English", ru: "Russian" },
    qaAdded: "{channel} is now a Q&A channel.",
    qaAlready: "{channel} is already a Q&A channel.",
    qaRemoved: "{channel} is no longer a Q&A channel.",
    qaNotThere: "{channel} was not a Q&A channel.",
    quotingOn: "I will quote clauses mentioned in chat.",
    quotingOff: "I will no longer quote clauses mentioned in chat.",
    quoteCheckOn: "I will check quotations of the declaration in chat and point out inexact ones.",
    quoteCheckOff: "I will no longer check quotations in chat (/verify still works).",
    languageSet: "Language of chat answers: {name}.",
    feedbackTextOn: "I will keep the text of questions with the feedback, for the maintainers.",
    feedbackTextOff: "I will no longer keep the text of this server's questions.",
    feedbackTextForgotten:
      "I will no longer keep the text of this server's questions; the {forgotten} kept so far are deleted.",
    operatorKeepsText:
      "Note: the bot's operator keeps question text in every server (LOG_QUESTIONS=true), whatever this setting says.",
  },
  content: {
    title: "Reading chat (Message Content intent)",
    on: "granted: auto-quoting, Q&A channels and quote checks work.",
    off: "{why}. Off: auto-quoting, Q&A channels and quote checks in chat. Still working: commands, mentions, replies that ping me, DMs and the message commands (Find in declaration, Check quote, Quote cited clauses).",
    byOperator: "turned off by the operator (DISCORD_MESSAGE_CONTENT=off)",
    refused:
      "refused by Discord: the Message Content intent is not enabled (Developer Portal → Bot → Privileged Gateway Intents)",
    noGateway:
      "none: this process does not connect to Discord's gateway (DISCORD_GATEWAY=off) and only receives interactions. Off: answers in chat (mentions, DMs), auto-quoting, Q&A channels and quote checks in chat. Still working: commands, buttons and the message commands.",
    needed: "no effect without the Message Content intent",
  },
  feedback: {
    votedUp: "Thanks: this answer helped you.",
    votedUpChanged: "Vote changed: this answer helped you. Thanks!",
    votedDown: "Thanks for telling me. Which passage answers your question?",
    votedDownChanged:
      "Vote changed: this answer did not help you. Which passage answers your question?",
    whichPassage: "Which passage answers it?",
    noPassage: "none: the text doesn't answer this",
    correctionNoted: "Noted: the passage that answers it is {label}. Thanks!",
    correctionNone: "Noted: the text does not answer this question. Thanks!",
    forgotten: {
      nothing: "I had no votes and no questions of yours.",
      done: "Done: {list}.",
      votes: "{votes|one:your vote is deleted|other:your # votes are deleted}",
      questions:
        "{questions|one:the text of your question is deleted|other:the text of your # questions is deleted}",
      separator: "; ",
    },
    kept: "I keep votes and corrections with a hashed user id, and for questions without a sure answer the clause and score, without any user. Question text: {questionText}. Everything is deleted after {days|one:day|other:days}; /privacy forget deletes your votes and the text of your questions.",
    textKept: "kept, with the asker's hashed id",
    textNotKept: "not kept",
  },
  console: {
    banner:
      "Declaration bot — local console (no DISCORD_TOKEN set). To connect to Discord, put DISCORD_TOKEN in .env (see .env.example) and run npm start again. Type /help for commands, /lang fr|ru to change language.",
    commands: "Commands:",
    example: "E.g.",
    justAsk: 'Or just ask a question: "who signed?", "what does measure 4 say?".',
    // English names are the commands' own: no other names to list.
    aliases: null,
    langSet:
      "Language: English. Answers show the English working translation after the French original, and help and messages are in English.",
    langUsage: "/lang fr | en | ru: the session's language (now: English).",
    unknown: "Unknown command. Type /help for the list.",
    notFound: 'No such clause. Examples: M3, P2, appeal, signatories, "measure 4".',
    needsText: "Missing text: /ask followed by your question.",
    needsQuote:
      'Missing quotation: /verify followed by the quoted text, e.g. /verify measure 3 says "…".',
    needsClause: 'Which clause? /quote followed by a clause: M3, P2, signatories, "measure 4".',
    pageUsage:
      "The whole text reads in {pages|one:page|other:pages}: /declaration 1 to /declaration {pages}. One clause: /quote M3.",
    settingsHere:
      "{command} configures a Discord server (Q&A channels, quoting, language); the console has none. Here, /lang changes the language.",
    privacyHere:
      "{command} is about your 👍/👎 votes on Discord; the console keeps nothing you type.",
  },
  errors: {
    measureMissing: "Give a measure number from 1 to {max}: the declaration has {max|measure}.",
    measureMalformed:
      "“{shown}” is not a measure number: the declaration has {max|measure}, numbered 1 to {max}.",
    measureOutOfRange:
      "The declaration has {available|measure} (1–{available}); measure {requested} does not exist.",
    recitalOutOfRange:
      "The preamble has {available|recital} (1–{available}); recital {requested} does not exist.",
    quoteUnknown:
      "No clause matches “{shown}”. Try an id (M3, P2, signatories), a measure number (1–{measures}) or a label.",
    emptyQuestion: "Ask a question about the declaration, for example: “Who signed this text?”",
    emptyMessage: "That message has no text to search for.",
    citesNothing: "That message cites no clause (for example “measure 4”, “the 2nd recital”).",
    guildOnly: "This command only works in a server.",
    needsManageGuild: "You need the Manage Server permission to change these settings.",
    invalidValue: "That value is not valid; pick one of the offered options.",
    wrongChannel: "Pick a text channel.",
    tooManyChannels: "At most {max|one:Q&A channel|other:Q&A channels} per server.",
    outdatedComponent: "This button is no longer valid. Run the command again.",
    rateLimited: "Slow down: you have run many commands in a row. Try again in {seconds} s.",
  },
  failures: {
    generic: "Sorry, something went wrong on my side. Please try again in a moment.",
    cannotSaveNow:
      "I cannot save anything right now (the database is not answering), so nothing was changed. Please try again in a minute.",
  },
} satisfies Catalogue;

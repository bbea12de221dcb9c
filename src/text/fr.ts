/** Every text in French (the catalogue is catalogue.ts; placeholders are format.ts's). */
import type { Catalogue } from "./catalogue.ts";

export const fr = {
  nouns: {
    measure: "one:mesure|other:mesures",
    recital: "one:considérant|other:considérants",
  },
  document: {
    name: "Déclaration des ministres des Affaires étrangères de l’OTSC aux ministres de l’OTAN",
    unofficial: "Traduction de travail non officielle — le texte français fait foi",
  },
  answers: {
    noAnswer: "Rien dans la déclaration ne répond à cette question.",
    hints:
      "Essayez {overview} pour une vue d’ensemble, {first} à {last}, ou une question comme « qui a signé ? », « que propose le texte sur la drogue ? », « que dit le 2e considérant ? ».",
    closest:
      "La déclaration ne dit pas cela en ces termes. Le passage le plus proche est : {label}.",
    closestOverview:
      "Je ne suis pas sûr de comprendre la question. Si elle porte sur la déclaration dans son ensemble, la voici en bref.",
    otherDocument:
      "Cette question porte sur l’article ou le point d’un autre texte. La déclaration n’a pas d’articles : elle compte {recitals|recital} et {measures|measure}.",
    structure: {
      lead: "La déclaration se compose, dans l’ordre, de :",
      recitals: "un préambule de {n|one:considérant|other:considérants}",
      measures: "{n|one:mesure numérotée|other:mesures numérotées}",
      closing: "un paragraphe de conclusion",
      signatories: "les signatures",
      signers: "les ministres des Affaires étrangères de {states|one:État|other:États} signent",
      separator: " ; ",
    },
    note: {
      label: "Note — ne vient pas de la déclaration",
      where: "La déclaration nomme « {name} » sans l’expliquer, dans : {label} — {title}.",
      source: "Source : {title} — {url}",
    },
    matched: "Termes trouvés : {words}",
    seeAlso: "Voir aussi : {label}",
  },
  overview: {
    intro:
      "Déclaration des ministres des Affaires étrangères de l’OTSC appelant l’OTAN à établir des contacts entre les deux organisations. Le texte français fait foi.",
    signatories: "Signataires",
    structure: "Structure",
    structureLines: [
      "Préambule : « Nous, ministres… »",
      "{recitals|recital} (P1–P{recitals})",
      "L’appel à l’OTAN",
      "{measures|measure} (M1–M{measures})",
      "Conclusion et signataires",
    ],
    page: "Page {n}/{total}",
    howTo: "Choisissez une clause dans le menu ou lisez le texte entier page par page.",
    openClause: "Ouvrir une clause…",
    readWholeText: "Lire le texte entier",
    back: "Vue d’ensemble",
    readOn:
      "Une clause : /quote M3 ou /measure 3. Le texte entier, page par page : /declaration 1 à /declaration {pages}.",
    nextPage: "Page suivante : /declaration {next} ; vue d’ensemble : /declaration.",
    lastPage: "Fin du texte ; vue d’ensemble : /declaration.",
  },
  card: {
    previous: "◀ {label}",
    next: "{label} ▶",
    postPublicly: "Publier dans le salon",
    posted: "Publié dans le salon.",
    cannotPost: "Je ne peux pas publier dans ce salon (permissions) ; le passage reste ci-dessus.",
    citation: "— {label}, {declaration}",
    noteInDeclaration: "Dans la déclaration",
  },
  quoteCheck: {
    titles: {
      verbatim: "Citation exacte",
      near: "Citation inexacte : des mots ont changé",
      composite: "Citation composite : des morceaux assemblés",
      misattributed: "Citation mal attribuée",
      "not-found": "Citation introuvable dans la déclaration",
      "too-short": "Citation trop courte pour être vérifiée",
    },
    source: "Source : {label}.",
    misattributed: "Ces mots sont dans {actual}, pas dans {named}.",
    pieces: "Morceaux de : {labels}, présentés comme une seule citation.",
    nonContiguous: "Morceaux non contigus de {label}, présentés comme une seule citation.",
    notFound: "Aucune clause ne dit cela. Le passage le plus proche : {label}.",
    nothingClose: "Aucune clause ne dit cela.",
    tooShort: "Citez au moins {min|one:caractère|other:caractères} pour que je puisse juger.",
    changes: "Changements :",
    negation: "⚠ Une négation a été ajoutée, retirée ou changée : le sens peut être inversé.",
    number: "⚠ Un nombre a été ajouté, retiré ou changé.",
    accents: "Les accents diffèrent : ce n’est pas une erreur de citation.",
    typos:
      "La citation corrige une coquille du texte original ({words}) : ce n’est pas une erreur de citation.",
    moved: "L’ordre des mots diffère ; déplacé : {words}.",
    typography: "Seule la typographie diffère (guillemets, apostrophes, tirets, majuscules).",
    unofficial: "Comparée à la traduction de travail non officielle ; le texte français fait foi.",
    nowhere: "une clause qui n’existe pas",
  },
  followUps: {
    gist: "En bref : {title}.",
    end: "{label} : c’est la fin de la déclaration, il n’y a rien après.",
    start: "{label} : c’est le début de la déclaration, il n’y a rien avant.",
    noContext:
      "De quelle clause parlez-vous ? Répondez à l’une de mes fiches de clause, ou à un message qui en cite une (« la mesure 1 »), ou nommez-la.",
    gone: "Je ne trouve plus le message auquel vous répondez (il a peut-être été supprimé). Nommez la clause, par exemple « la mesure 1 ».",
  },
  help: {
    title: "Ce que je sais faire",
    entries: [
      {
        usage: "/measure N",
        what: "Affiche la mesure N (1 à {measures}).",
        example: "/measure 3",
        where: "both",
      },
      {
        usage: "/ask question",
        what: "Trouve le passage qui répond.",
        example: "/ask que propose la déclaration contre la drogue ?",
        where: "both",
      },
      {
        usage: "/quote clause",
        what: "Cite une clause (M3, P2, signataires, « mesure 4 »…).",
        example: "/quote M4",
        where: "both",
      },
      {
        usage: "/declaration",
        what: "Vue d’ensemble, menu des clauses et lecture page par page.",
        where: "discord",
      },
      {
        usage: "/declaration [N]",
        what: "Vue d’ensemble : nature du texte, signataires, clauses ; avec N, la page N du texte entier.",
        example: "/declaration 1",
        where: "console",
      },
      {
        usage: "Dans la discussion",
        what: "Mentionnez-moi ou répondez à l’un de mes messages avec une question. Quand quelqu’un écrit « comme le dit la mesure 4 », je cite la mesure 4.",
        where: "discord",
      },
      {
        usage: "/verify citation",
        what: "Vérifie une citation : exacte, inexacte (chaque mot changé), composite, mal attribuée ou introuvable. Dans la discussion, je signale les citations inexactes.",
        example: "/verify la mesure 3 dit « faciliter les contacts »",
        where: "both",
      },
      {
        usage: "Clic droit sur un message → Applications",
        what: "Chercher dans la déclaration ; Vérifier la citation ; Citer les clauses mentionnées.",
        where: "discord",
      },
      {
        usage: "/settings (gérer le serveur)",
        what: "Salons de questions-réponses, citation automatique, langue par défaut, texte des questions avec les avis.",
        where: "discord",
      },
      {
        usage: "/lang fr|en|ru",
        what: "La langue des réponses et de la traduction affichée.",
        where: "console",
      },
      { usage: "/help", what: "Cette aide ; /quit pour sortir.", where: "console" },
    ],
    feedbackTitle: "👍 / 👎 sous une réponse",
  },
  settings: {
    title: "Paramètres du serveur",
    qaChannels: "Salons de questions-réponses",
    none: "aucun",
    quoting: "Citation des clauses mentionnées",
    quoteCheck: "Vérification des citations dans la discussion",
    language: "Langue des réponses dans la discussion",
    feedback: "Avis (👍/👎)",
    on: "activée",
    off: "désactivée",
    languageAuto: "automatique (langue du serveur)",
    languageNames: { fr: "français", en: "anglais", ru: "russe" },
    qaAdded: "{channel} est maintenant un salon de questions-réponses.",
    qaAlready: "{channel} est déjà un salon de questions-réponses.",
    qaRemoved: "{channel} n’est plus un salon de questions-réponses.",
    qaNotThere: "{channel} n’était pas un salon de questions-réponses.",
    quotingOn: "Je citerai les clauses mentionnées dans la discussion.",
    quotingOff: "Je ne citerai plus les clauses mentionnées dans la discussion.",
    quoteCheckOn:
      "Je vérifierai les citations de la déclaration dans la discussion et signalerai les inexactes.",
    quoteCheckOff:
      "Je ne vérifierai plus les citations dans la discussion (/verify reste disponible).",
    languageSet: "Langue des réponses dans la discussion : {name}.",
    feedbackTextOn: "Je garderai le texte des questions avec les avis, pour les mainteneurs.",
    feedbackTextOff: "Je ne garderai plus le texte des questions de ce serveur.",
    feedbackTextForgotten:
      "Je ne garderai plus le texte des questions de ce serveur ; les {forgotten} déjà gardées sont effacées.",
    operatorKeepsText:
      "Attention : l’opérateur du bot garde le texte des questions dans tous les serveurs (LOG_QUESTIONS=true), quel que soit ce réglage.",
  },
  content: {
    title: "Lecture de la discussion (intent Message Content)",
    on: "accordée : citation automatique, salons de questions-réponses et vérification des citations fonctionnent.",
    off: "{why}. Désactivés : la citation automatique, les salons de questions-réponses et la vérification des citations dans la discussion. Toujours disponibles : les commandes, les mentions, les réponses qui me mentionnent, les messages privés et les commandes de message (Chercher dans la déclaration, Vérifier la citation, Citer les clauses mentionnées).",
    byOperator: "désactivée par l’opérateur (DISCORD_MESSAGE_CONTENT=off)",
    refused:
      "refusée par Discord : l’intent Message Content n’est pas activé (Developer Portal → Bot → Privileged Gateway Intents)",
    noGateway:
      "aucune : ce processus ne se connecte pas à la passerelle de Discord (DISCORD_GATEWAY=off) et ne reçoit que les interactions. Désactivés : les réponses dans la discussion (mentions, messages privés), la citation automatique, les salons de questions-réponses et la vérification des citations dans la discussion. Toujours disponibles : les commandes, les boutons et les commandes de message.",
    needed: "sans effet sans l’intent Message Content",
  },
  feedback: {
    votedUp: "Merci : cette réponse vous a aidé.",
    votedUpChanged: "Vote changé : cette réponse vous a aidé. Merci !",
    votedDown: "Merci de le signaler. Quel passage répond à votre question ?",
    votedDownChanged:
      "Vote changé : cette réponse ne vous a pas aidé. Quel passage répond à votre question ?",
    whichPassage: "Quel passage y répond ?",
    noPassage: "aucun : le texte ne répond pas à cela",
    correctionNoted: "Noté : le passage qui répond est {label}. Merci !",
    correctionNone: "Noté : le texte ne répond pas à cette question. Merci !",
    forgotten: {
      nothing: "Je n’avais aucun vote ni aucune question de vous.",
      done: "C’est fait : {list}.",
      votes: "{votes|one:votre vote est effacé|other:vos # votes sont effacés}",
      questions:
        "{questions|one:le texte de votre question est effacé|other:le texte de vos # questions est effacé}",
      separator: " ; ",
    },
    kept: "Je garde les votes et corrections avec un identifiant d’utilisateur haché, et pour les questions sans réponse sûre la clause et le score, sans utilisateur. Texte des questions : {questionText}. Tout est effacé après {days|one:jour|other:jours} ; /privacy forget efface vos votes et le texte de vos questions.",
    textKept: "gardé, avec l’identifiant haché de qui l’a posée",
    textNotKept: "non gardé",
  },
  console: {
    banner:
      "Bot de la déclaration — console locale (pas de DISCORD_TOKEN). Pour se connecter à Discord, mettez DISCORD_TOKEN dans .env (voir .env.example) et relancez npm start. Tapez /help pour les commandes, /lang en|ru pour changer de langue.",
    commands: "Commandes :",
    example: "Ex. :",
    justAsk: "Ou posez simplement une question : « qui a signé ? », « que dit la mesure 4 ? ».",
    aliases:
      "Les noms français de Discord marchent aussi : {names}. Options à la manière de Discord : /mesure numéro:3.",
    langSet: "Langue : français. Les réponses, l’aide et les messages sont désormais en français.",
    langUsage: "/lang fr | en | ru : la langue de la session (aujourd’hui : français).",
    unknown: "Commande inconnue. Tapez /help pour la liste.",
    notFound: "Clause introuvable. Exemples : M3, P2, appeal, signatories, « mesure 4 ».",
    needsText: "Il manque le texte : /ask suivi de votre question.",
    needsQuote:
      "Il manque la citation : /verify suivi du texte cité, par exemple /verify la mesure 3 dit « … ».",
    needsClause: "Quelle clause ? /quote suivi d’une clause : M3, P2, signataires, « mesure 4 ».",
    pageUsage:
      "Le texte entier se lit en {pages|one:page|other:pages} : /declaration 1 à /declaration {pages}. Une clause : /quote M3.",
    settingsHere:
      "{command} règle un serveur Discord (salons de questions, citation, langue) ; la console n’en a pas. Ici, /lang change la langue.",
    privacyHere:
      "{command} concerne vos votes 👍/👎 sur Discord ; la console ne garde rien de ce que vous tapez.",
  },
  errors: {
    measureMissing:
      "Indiquez un numéro de mesure, de 1 à {max} : la déclaration compte {max|measure}.",
    measureMalformed:
      "« {shown} » n’est pas un numéro de mesure : la déclaration compte {max|measure}, de 1 à {max}.",
    measureOutOfRange:
      "La déclaration compte {available|measure} (1 à {available}) : il n’y a pas de mesure {requested}.",
    recitalOutOfRange:
      "Le préambule compte {available|recital} (1 à {available}) : il n’y a pas de considérant {requested}.",
    quoteUnknown:
      "Aucune clause ne correspond à « {shown} ». Essayez un identifiant (M3, P2, signatories), un numéro de mesure (1 à {measures}) ou un intitulé.",
    emptyQuestion:
      "Posez une question sur la déclaration, par exemple : « Qui a signé ce texte ? »",
    emptyMessage: "Ce message ne contient pas de texte à chercher.",
    citesNothing:
      "Ce message ne cite aucune clause (par exemple « la mesure 4 », « le 2e considérant »).",
    guildOnly: "Cette commande ne fonctionne que dans un serveur.",
    needsManageGuild: "Il faut la permission « Gérer le serveur » pour changer ces paramètres.",
    invalidValue: "Cette valeur n’est pas valable ; choisissez l’une des options proposées.",
    wrongChannel: "Choisissez un salon textuel.",
    tooManyChannels: "Au plus {max|one:salon|other:salons} de questions-réponses par serveur.",
    outdatedComponent: "Ce bouton n’est plus valable. Relancez la commande.",
    rateLimited:
      "Doucement : vous avez lancé beaucoup de commandes d’affilée. Réessayez dans {seconds} s.",
  },
  failures: {
    generic: "Désolé, une erreur s’est produite de mon côté. Réessayez dans un instant.",
    cannotSaveNow:
      "Je ne peux rien enregistrer pour le moment (la base de données ne répond pas) : rien n’a été modifié. Réessayez dans une minute.",
  },
} satisfies Catalogue;

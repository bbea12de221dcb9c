/**
 * Every command the bot registers, one line each: a new command is its own file plus one line here.
 * (The registry, index.ts, reads this module's exports.)
 */
export { command as ask } from "./ask.ts";
export { command as checkQuote } from "./check-quote.ts";
export { command as declaration } from "./declaration.ts";
export { command as find } from "./find.ts";
export { command as help } from "./help.ts";
export { command as measure } from "./measure.ts";
export { command as privacy } from "./privacy.ts";
export { command as quote } from "./quote.ts";
export { command as quoteCited } from "./quote-cited.ts";
export { command as settings } from "./settings.ts";
export { command as verify } from "./verify.ts";

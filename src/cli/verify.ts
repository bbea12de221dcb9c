/**
 * Checks a quotation against the declaration from the shell:
 *   npm run verify -- "la mesure 3 dit « faciliter les contacts entre l'OTSC et l'OTAN »"
 *   npm run -s verify -- --json "Establish direct contacts between the two organizations"
 */
import { parseArgs } from "node:util";
import { checkText, type QuoteReport, toContract } from "../core/quote/check.ts";
import { renderQuoteReports } from "../core/quote/explain.ts";
import type { Lang } from "../core/types.ts";
import { COMMON_OPTIONS, readArgs, usageError } from "./args.ts";

const USAGE = `usage: npm run verify -- [--json] [--lang fr|en|ru] "text with a quotation"
  The quotations in « », " ", “ ” or „ “ are checked, with the words around them naming the
  clause ("la mesure 3 dit « … »"); without quotation marks the whole text is the quotation.
  English and Russian quotes are compared with the unofficial working translations.
  --json    {"verdict", "clause", "clauses", "changes", "flags"}: one object, or an array when
            the text holds several quotations
  --lang    the language of the explanation; default: the quote's own
  -h, --help  this help`;

const fail = (message: string) => usageError(message, USAGE);

export function main(argv: string[]): number {
  const parsed = readArgs(parse, argv, USAGE);
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const lang = values.lang;
  const text = positionals.join(" ").trim();
  if (!text) return fail("no quotation given");
  const reports = checkText(text);
  if (values.json) {
    const json =
      reports.length === 1 ? toContract(reports[0] as QuoteReport) : reports.map(toContract);
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(`${renderQuoteReports(reports, (lang as Lang | undefined) ?? null)}\n`);
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: COMMON_OPTIONS,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}

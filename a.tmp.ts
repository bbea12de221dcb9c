import { getEngine } from "./src/core/engine.ts";
const e = getEngine();
for (const q of process.argv.slice(2)) { const a: any = e.answer(q); console.log(JSON.stringify(q), "→", a.kind, a.clause?.id ?? a.facet ?? a.rule ?? "", a.note?.id ?? "", a.confidence ?? ""); }

// Compiles the TypeScript sources to dist/ and stamps the build, so bin/hotline.js can tell
// whether the compiled code is current.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], {
  stdio: "inherit",
});
if (result.status !== 0) process.exit(result.status ?? 1);
// The gazetteer's names, compiled from the country data once, so a command does not parse its
// 1.4 MB of JSON at every start (see src/search/gazetteer.ts).
const { countryNames } = await import(join(root, "dist", "src", "search", "gazetteer.js"));
writeFileSync(
  join(root, "dist", "src", "search", "country-names.json"),
  JSON.stringify(countryNames()),
);
// The English word list, one lower-case word a line in sorted order, so a question with a word
// the corpus lacks does not parse the 3.5 MB of JSON it comes from (see src/text/english.ts).
const { englishWords, commonWords } = await import(join(root, "dist", "src", "text", "english.js"));
writeFileSync(join(root, "dist", "src", "text", "english-words.txt"), englishWords().join("\n"));
writeFileSync(join(root, "dist", "src", "text", "common-words.txt"), commonWords().join("\n"));
// Irregular verb forms and their bases, so the analyzer does not load the lexicon package's
// module at every start (see src/text/verb-forms.ts).
const { verbForms, mainlyVerbs } = await import(join(root, "dist", "src", "text", "verb-forms.js"));
writeFileSync(join(root, "dist", "src", "text", "verb-forms.json"), JSON.stringify(verbForms()));
writeFileSync(join(root, "dist", "src", "text", "verbs.txt"), mainlyVerbs().join("\n"));
mkdirSync(join(root, "dist"), { recursive: true });
writeFileSync(join(root, "dist", ".build-stamp"), `${new Date().toISOString()}\n`);

// Compiles the TypeScript sources to dist/, bundles the command line (with its code cache) and
// stamps the build, so bin/hotline.js can tell whether the compiled code is current.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { sourceTree } from "./ensure-built.cjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
// The sources this build compiles, listed before compiling: one edited meanwhile is newer than
// the stamp, so the next command builds again.
const compiled = sourceTree();
const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], {
  stdio: "inherit",
});
if (result.status !== 0) process.exit(result.status ?? 1);
// The gazetteer's tables, built from the country data once, so a command neither parses its
// 1.4 MB of JSON nor indexes 2,000 names at every start (see src/search/gazetteer.ts).
const { countryNames, gazetteerTables } = await import(join(dist, "src", "search", "gazetteer.js"));
writeFileSync(
  join(dist, "src", "search", "gazetteer.json"),
  JSON.stringify(gazetteerTables(countryNames())),
);
// The English word list, one lower-case word a line in sorted order, so a question with a word
// the corpus lacks does not parse the 3.5 MB of JSON it comes from (see src/text/english.ts).
const { englishWords, commonWords } = await import(join(dist, "src", "text", "english.js"));
writeFileSync(join(dist, "src", "text", "english-words.txt"), englishWords().join("\n"));
writeFileSync(join(dist, "src", "text", "common-words.txt"), commonWords().join("\n"));
// Irregular verb forms and their bases, so the analyzer does not load the lexicon package's
// module at every start (see src/text/verb-forms.ts).
const { verbForms, mainlyVerbs } = await import(join(dist, "src", "text", "verb-forms.js"));
writeFileSync(join(dist, "src", "text", "verb-forms.json"), JSON.stringify(verbForms()));
writeFileSync(join(dist, "src", "text", "verbs.txt"), mainlyVerbs().join("\n"));
// WordNet's related words, one sorted line per word, so a question does not parse the 30 MB
// dictionary (see src/text/wordnet.ts).
const { relatedWords } = await import(join(dist, "src", "text", "wordnet.js"));
writeFileSync(join(dist, "src", "text", "related-words.txt"), relatedWords().join("\n"));
// WordNet's verb lemmas, so a question that needs one does not read the 520 KB verb index (see
// src/text/wordnet-verbs.ts).
const { wordNetVerbs } = await import(join(dist, "src", "text", "wordnet-verbs.js"));
writeFileSync(join(dist, "src", "text", "wordnet-verbs.txt"), wordNetVerbs().join("\n"));
// The nouns whose commonest sense is a made thing (see src/text/artifacts.ts).
const { artifactNouns } = await import(join(dist, "src", "text", "artifacts.js"));
writeFileSync(join(dist, "src", "text", "artifact-nouns.txt"), artifactNouns().join("\n"));

// The command line as one file instead of about 90 ES modules: resolving, reading and linking
// each module, and starting Node's ES module loader at all, cost `hotline ask` about 50 ms of its
// start (see docs/performance.md). Bundled from tsc's output in dist/, so the bundle runs exactly
// the compiled code; as CommonJS, so bin/hotline.js (CommonJS too) can run it with V8's code
// cache (scripts/run-bundle.cjs). Packages stay external, loaded from node_modules as before,
// except the two small ones every answer needs. The code of the other commands is in the file but
// runs only when they are used. A module that finds files beside itself through `import.meta.url`
// (word lists, the corpus, the snapshot key's code) keeps seeing its own place in dist/.
const bundleDir = join(dist, "cli");
const bundle = join(bundleDir, "hotline.cjs");
const BUNDLED = ["minisearch", "stemmer"];
const esbuild = await import("esbuild");
rmSync(bundleDir, { recursive: true, force: true }); // with an earlier build's code cache
await esbuild.build({
  entryPoints: [join(dist, "adapters", "cli", "main.js")],
  outfile: bundle,
  bundle: true,
  format: "cjs",
  platform: "node",
  // tsc already compiled for Node 20: esbuild lowers nothing (at "node20" it would rewrite regular
  // expressions with \p{…} into `new RegExp` calls).
  target: "esnext",
  // Strict, as the ES modules it comes from are; and each module's own URL (see below).
  banner: {
    js: '"use strict";\nconst __moduleUrl = (path) => require("node:url").pathToFileURL(require("node:path").join(__dirname, path)).href;',
  },
  // Whitespace only: names stay (stack traces, `name`s), and there is a third less to read.
  minifyWhitespace: true,
  logLevel: "warning",
  plugins: [
    {
      name: "external-packages",
      setup(build) {
        build.onResolve({ filter: /^[^./]/ }, (args) => {
          const name = args.path.startsWith("@")
            ? args.path.split("/").slice(0, 2).join("/")
            : args.path.split("/")[0];
          return BUNDLED.includes(name) ? undefined : { path: args.path, external: true };
        });
      },
    },
    {
      name: "import-meta-url-of-compiled-module",
      setup(build) {
        build.onLoad({ filter: /\.js$/ }, (args) => {
          if (!args.path.startsWith(dist + sep)) return undefined;
          const text = readFileSync(args.path, "utf8");
          if (!text.includes("import.meta.url")) return { contents: text, loader: "js" };
          const own = relative(bundleDir, args.path).split(sep).join("/");
          const url = `__moduleUrl(${JSON.stringify(own)})`;
          return { contents: text.replaceAll("import.meta.url", url), loader: "js" };
        });
      },
    },
  ],
});
// scripts/run-bundle.cjs compiles the bundle as a script, which has no loader for `import()`;
// esbuild keeps an `import()` of a package or built-in module as it is (require it instead).
if (/\bimport\s*\(/.test(readFileSync(bundle, "utf8"))) {
  process.stderr.write(`build: ${bundle} uses import(), which it cannot run\n`);
  process.exit(1);
}
// The code cache: the bundle run on the repository's corpus (from a start-up snapshot, in a
// temporary directory), its compiled functions saved. Without it the command line still works,
// only slower, so a failure here is a warning.
const snapshots = mkdtempSync(join(tmpdir(), "hotline-code-cache-"));
try {
  const codeCache = join(root, "scripts", "code-cache.cjs");
  for (const mode of ["warm", "write"]) {
    const run = spawnSync(process.execPath, [codeCache, bundle, snapshots, mode], {
      stdio: "inherit",
    });
    if (run.status !== 0) {
      process.stderr.write("build: no code cache for the command line (it will start slower)\n");
      break;
    }
  }
} finally {
  rmSync(snapshots, { recursive: true, force: true });
}

// The stamp: what bin/hotline.js compares the sources with (see scripts/ensure-built.js).
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, ".build-stamp"), `${JSON.stringify(compiled)}\n`);

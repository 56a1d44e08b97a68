#!/usr/bin/env node
'use strict';
// The command line: the bundle built by `npm install` (prepare) or `npm run bundle`.
const path = require('path');
const fs = require('fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    'grounded-notes: dist/cli.js is missing; run `npm install` or `npm run bundle` in ' + path.join(__dirname, '..') + '\n',
  );
  process.exit(2);
}
require(bundle)
  .main(process.argv.slice(2))
  .then((code) => {
    if (code >= 0) process.exitCode = code;
  });

#!/usr/bin/env node
'use strict';
// The command line: the bundle built by `npm install` (prepare) or `npm run bundle`, loaded with
// its compiled code kept between runs (dist/launch.js; GROUNDED_NOTES_COMPILE_CACHE=off turns it off).
const path = require('path');
const fs = require('fs');
const dist = path.join(__dirname, '..', 'dist');
const bundle = path.join(dist, 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    'grounded-notes: dist/cli.js is missing; run `npm install` or `npm run bundle` in ' + path.join(__dirname, '..') + '\n',
  );
  process.exit(2);
}
const launch = path.join(dist, 'launch.js');
(fs.existsSync(launch) ? require(launch).requireCached(bundle) : require(bundle)).main(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exitCode = code;
});

/**
 * `dist/launch.js`: the script editors run to start the language server. It runs
 * `dist/server.js` with its compiled code kept between starts (`compileCache.ts`); and,
 * required by the command line's `bin/grounded-notes.js`, it loads `dist/cli.js` alike.
 * `dist/server.js` still starts the server when run itself, only without the cache.
 */
import { join } from 'node:path';
import { requireCached } from './compileCache.js';

export { requireCached };

if (typeof require !== 'undefined' && require.main === module) requireCached(join(__dirname, 'server.js'));

/**
 * The product's constants, owned by the core so that every front end (server, command
 * line, SARIF, diagnostics' documentation links) says the same.
 */
export { VERSION } from './version.js';

/** The documentation; a rule's section is `DOCS_URL + ruleDocAnchor(code)`. */
export const DOCS_URL = 'https://github.com/grounded-notes/grounded-notes#';

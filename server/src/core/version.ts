// Generated from package.json's "version" by scripts/bundle.mjs (test/unit/manifest.test.ts
// holds the two equal). Do not edit by hand.
export const VERSION = '0.1.0';

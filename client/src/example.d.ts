/** The example workspace (examples/briefings), bundled into the extension by scripts/bundle.mjs. */
declare module 'grounded-notes:example' {
  /** Each file's text by its path relative to the example's folder, with `/` separators. */
  const files: Readonly<Record<string, string>>;
  export default files;
}

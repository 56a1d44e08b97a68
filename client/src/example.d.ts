/** The example workspace (examples/briefings), bundled into the extension by scripts/bundle.mjs. */
declare module 'grounded-notes:example' {
  /** Each file's text by its path relative to the example's folder, with `/` separators; a binary file (a PDF) as base64. */
  const files: Readonly<Record<string, string | { base64: string }>>;
  export default files;
}

/** pdf.js's worker code, run in the extraction thread itself (pdf.js ships no types for it). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

/** pdf.js's worker code, run on the viewer page's own thread (pdf.js ships no types for it). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

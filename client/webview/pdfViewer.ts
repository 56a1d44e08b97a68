/**
 * The PDF viewer's page script (runs in a VS Code webview, bundled as
 * `dist/webview/pdfViewer.js`): pdf.js's own viewer components show the PDF the
 * extension posts, go to a page and highlight a passage with pdf.js's find, and
 * report the text selection for Create Anchor from Selection. pdf.js runs on this
 * page's thread, with no eval, no scripting, no forms or links, and nothing fetched.
 */
import * as pdfjsLib from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type HostMessage =
  | { type: 'open'; data: Uint8Array; page: number; quote?: string }
  | { type: 'goto'; page: number; quote?: string }
  | { type: 'getSelection' };

const vscode = acquireVsCodeApi();
// The worker's code runs on this thread: a webview may not start workers from its resources.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;
(globalThis as { pdfjsLib?: unknown }).pdfjsLib = pdfjsLib;

async function main(): Promise<void> {
  const { EventBus, PDFFindController, PDFLinkService, PDFViewer } = await import('pdfjs-dist/legacy/web/pdf_viewer.mjs');
  const container = document.getElementById('viewerContainer') as HTMLDivElement;
  const status = document.getElementById('status')!;
  const eventBus = new EventBus();
  const linkService = new PDFLinkService({ eventBus });
  const findController = new PDFFindController({ eventBus, linkService });
  const viewer = new PDFViewer({
    container,
    eventBus,
    linkService,
    findController,
    annotationMode: pdfjsLib.AnnotationMode.DISABLE,
    textLayerMode: 1,
  });
  linkService.setViewer(viewer);
  let pending: { page: number; quote?: string } | undefined;

  const show = (page: number, quote?: string) => {
    viewer.currentPageNumber = Math.min(Math.max(1, page), viewer.pagesCount || 1);
    status.textContent = `Page ${viewer.currentPageNumber} of ${viewer.pagesCount}`;
    if (quote) {
      eventBus.dispatch('find', {
        source: null,
        type: '',
        query: quote,
        caseSensitive: false,
        entireWord: false,
        highlightAll: true,
        findPrevious: false,
        matchDiacritics: false,
      });
    }
  };
  eventBus.on('pagesinit', () => {
    viewer.currentScaleValue = 'page-width';
    if (pending) show(pending.page, pending.quote);
    pending = undefined;
  });
  eventBus.on('pagechanging', (e: { pageNumber: number }) => (status.textContent = `Page ${e.pageNumber} of ${viewer.pagesCount}`));

  const selection = () => {
    const sel = document.getSelection();
    const text = sel?.toString() ?? '';
    const node = sel?.anchorNode;
    const element = node instanceof Element ? node : node?.parentElement;
    const page = Number(element?.closest('.page')?.getAttribute('data-page-number') ?? viewer.currentPageNumber);
    return { type: 'selection', text, page };
  };
  document.getElementById('anchor')!.addEventListener('click', () => vscode.postMessage({ ...selection(), create: true }));

  window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
    onMessage(event.data).catch((e: unknown) => (status.textContent = `Could not show the PDF: ${(e as Error).message}`));
  });
  const onMessage = async (m: HostMessage) => {
    if (m.type === 'open') {
      pending = { page: m.page, ...(m.quote ? { quote: m.quote } : {}) };
      const data = m.data instanceof Uint8Array ? m.data : new Uint8Array(Object.values(m.data as unknown as Record<string, number>));
      const pdf = await pdfjsLib.getDocument({ data, isEvalSupported: false, enableXfa: false }).promise;
      viewer.setDocument(pdf);
      linkService.setDocument(pdf, null);
    } else if (m.type === 'goto') {
      if (viewer.pagesCount) show(m.page, m.quote);
      else pending = { page: m.page, ...(m.quote ? { quote: m.quote } : {}) };
    } else if (m.type === 'getSelection') {
      vscode.postMessage(selection());
    }
  };
  vscode.postMessage({ type: 'ready' });
}

main().catch((e: unknown) => {
  document.getElementById('status')!.textContent = `Could not show the PDF: ${(e as Error).message}`;
});

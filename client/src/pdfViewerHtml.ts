/**
 * The PDF viewer page. No vscode import: tested on its own. Its content security
 * policy lets the page run only its own nonce'd script from the extension, load
 * styles, fonts and images only from the extension or from memory (`blob:`/`data:`,
 * which pdf.js makes from the PDF itself), and connect nowhere.
 */

/** The viewer page for the webview whose resource origin is `cspSource`. */
export function pdfViewerHtml(o: { cspSource: string; nonce: string; scriptUri: string; styleUri: string; title: string }): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${o.nonce}'`,
    // pdf.js positions text-layer spans with inline styles; styles cannot run code.
    `style-src ${o.cspSource} 'unsafe-inline'`,
    `img-src ${o.cspSource} blob: data:`,
    `font-src ${o.cspSource} blob: data:`,
    "connect-src 'none'",
    "worker-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  const title = o.title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${o.styleUri}">
<style nonce="${o.nonce}">
  body { margin: 0; background: var(--vscode-editor-background); color: var(--vscode-foreground); font-family: var(--vscode-font-family); }
  #bar { position: absolute; top: 0; left: 0; right: 0; height: 32px; display: flex; gap: 12px; align-items: ` +
    `center; padding: 0 12px; border-bottom: 1px solid var(--vscode-panel-border); }
  #bar button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: ` +
    `none; padding: 4px 10px; cursor: pointer; }
  #viewerContainer { position: absolute; top: 33px; bottom: 0; left: 0; right: 0; overflow: auto; }
</style>
</head>
<body>
<div id="bar"><strong>${title}</strong><span id="status">Loading…</span><button id="anchor" title="Select ` +
    `words on the page, then create a named anchor for them">Create Anchor from Selection</button></div>
<div id="viewerContainer"><div id="viewer" class="pdfViewer"></div></div>
<script nonce="${o.nonce}" type="module" src="${o.scriptUri}"></script>
</body>
</html>
`
  );
}

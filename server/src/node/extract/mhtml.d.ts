/**
 * The part of `mhtml-to-html` the extraction worker uses (its types ship beside its
 * code but its package `exports` do not point at them).
 */
declare module 'mhtml-to-html' {
  export function parse(data: string | Uint8Array): {
    headers: Record<string, string>;
    resources: Record<string, { id: string; contentType?: string; data?: unknown }>;
    index: string;
  };
}

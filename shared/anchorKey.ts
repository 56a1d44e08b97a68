/**
 * The rule an anchor's name follows, for both sides: the server applies it to anchor
 * files and to new and renamed anchors, the VS Code client to the name typed in Create
 * Anchor's input box. It imports nothing, so the core may use it without reaching the
 * wire protocol.
 */

/** A name is what a citation writes after `#`: no white space, `#`, `|`, brackets or quotes. */
const CITABLE_NAME = /^[^\s#|\[\]"\u201c\u201d]+$/;

/** True when `name` can be cited as an anchor (`[[source#name]]`): no white space, `#`, `|`, brackets or quotes. */
export function isCitableAnchorName(name: string): boolean {
  return CITABLE_NAME.test(name);
}

/**
 * The Vox source that the quote, anchor and reference tests share: two paragraphs of
 * quotations with typographic marks, and an anchor file with a comment to keep.
 */
export const VOX_SOURCE =
  `Vox on the talks

Perhaps more importantly, Macron clearly stated that \u201cwe will never urge the Ukrainians to ` +
  `make a compromise which will not be acceptable for them.\u201d Furthermore, he added more.

\u201cRussia can exploit those disagreements, and they do. And they will,\u201d Donald Jensen ` +
  `told Vox.
`;

export const VOX_ANCHORS = `# Named anchors for the Vox piece.
macron: we will never urge the Ukrainians to make a compromise   # the key line
jensen: Russia can exploit those disagreements
`;

/** The Vox source and its anchor file as fixture text (`//- path` headers), to which a test adds notes. */
export const VOX = `//- sources/002_vox.txt\n${VOX_SOURCE}//- sources/002_vox.anchors.yaml\n${VOX_ANCHORS}`;

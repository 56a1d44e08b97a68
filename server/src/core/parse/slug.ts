/** GitHub-style heading slugs, as Markdown previews and Marksman make them. */

/** The slug of one heading text: lower case, punctuation dropped, spaces to `-`. */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Gives each heading a unique slug: repeats get `-1`, `-2`, … in document order. */
export class SlugCounter {
  private readonly seen = new Map<string, number>();
  /** The next unique slug for `text`. */
  next(text: string): string {
    const base = slugify(text);
    const count = this.seen.get(base);
    if (count === undefined) {
      this.seen.set(base, 0);
      return base;
    }
    let n = count + 1;
    while (this.seen.has(`${base}-${n}`)) n++;
    this.seen.set(base, n);
    this.seen.set(`${base}-${n}`, 0);
    return `${base}-${n}`;
  }
}

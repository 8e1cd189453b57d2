/** Globs on refs, for accepted risks: `*` matches within one `/`-separated segment, `**` across segments. */

/** A matcher for one glob; `?` is one character, every other character matches itself. */
export function globMatcher(glob: string): (ref: string) => boolean {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const re = new RegExp(`^${source}$`);
  return (ref) => re.test(ref);
}

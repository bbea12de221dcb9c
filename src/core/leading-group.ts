/**
 * The group a pattern must match first: "(?:mesure|measure)\s(\d)" cannot match where
 * "(?:mesure|measure)" does not. Tried once at a place for every pattern that starts with it, so
 * most places are passed over after a few quick tries instead of every pattern's.
 */

/** The group a pattern's source opens with, when every match of the pattern starts with it; else null. */
export function leadingGroup(source: string): string | null {
  if (!source.startsWith("(") || /^\(\?<?[=!]/u.test(source)) return null;
  let end = -1;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth === 0 && end < 0) end = i;
    }
    // A choice outside every group: the pattern may match without its first group.
    else if (c === "|" && depth === 0) return null;
  }
  if (end < 0) return null;
  const group = source.slice(0, end + 1);
  // A group that may be skipped leads nothing; one that refers back to another cannot stand alone.
  if (/^[?*{]/u.test(source.slice(end + 1)) || /\\(?:[1-9]|k<)/u.test(group)) return null;
  return group;
}

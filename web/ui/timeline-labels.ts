// Where the timeline's marker labels go: two rows, first come first served, a label that fits in
// neither is hidden (its marker keeps a tooltip) — a dense mission still reads.

/** Labels start at their marker's x. Returns row 0 or 1 per marker, or -1 when hidden. xs ascending. */
export function labelRows(xs: readonly number[], widths: readonly number[], gap = 6): number[] {
  const ends = [-Infinity, -Infinity];
  return xs.map((x, i) => {
    const w = widths[i] ?? 0;
    for (let row = 0; row < ends.length; row++) {
      if (x >= ends[row]! + gap) {
        ends[row] = x + w;
        return row;
      }
    }
    return -1;
  });
}

/** About how wide a label is in the timeline's 11 px system font, without measuring the DOM. */
export function estimateLabelWidth(text: string): number {
  return Math.ceil(text.length * 6.2) + 4;
}

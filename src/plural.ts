/** "1 word", "3 words": a count with its noun, plural by adding "s" (every noun report-check counts takes one). */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

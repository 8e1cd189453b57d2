/** Small pure helpers for the terminal reporter: colour, wrapping and numbers. */

/** The styles the terminal report uses. */
export type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'green' | 'cyan';

/** ANSI open and close codes; raw codes keep rendering pure (no TTY or environment checks here). */
const ANSI: Readonly<Record<Style, readonly [number, number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  cyan: [36, 39],
};

/** Applies styles when colour is on, and returns the text unchanged otherwise. */
export type Paint = (text: string, ...styles: readonly Style[]) => string;

/** A painter for the given colour setting. */
export function painter(color: boolean): Paint {
  if (!color) return (text) => text;
  return (text, ...styles) =>
    styles.reduce((out, style) => `\u001b[${ANSI[style][0]}m${out}\u001b[${ANSI[style][1]}m`, text);
}

/** The length of text as shown, colour codes left out. */
export function visibleLength(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the ANSI escape is the point
  return text.replace(/\u001b\[\d+m/g, '').length;
}

/**
 * Wraps prose to `width` columns: the first line starts with `first`, the rest with `rest`. Words longer than a
 * line (refs, paths) are kept whole rather than broken.
 */
export function wrap(text: string, options: { width: number; first: string; rest: string }): string[] {
  const lines: string[] = [];
  let line = options.first;
  let empty = true;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (!empty && visibleLength(line) + 1 + visibleLength(word) > options.width) {
      lines.push(line);
      line = options.rest + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** A risk as a plain integer with thousands separators: `1,234,567`. */
export function riskNumber(risk: number): string {
  return String(Math.round(risk)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `part` as a whole percentage of `total`; `<1%` for a sliver, `0%` for nothing. */
export function percent(part: number, total: number): string {
  if (total <= 0 || part <= 0) return '0%';
  const value = (part * 100) / total;
  if (value < 1) return '<1%';
  return `${Math.round(value)}%`;
}

/** A count with its noun: `1 path`, `3 paths`, `2 identities` (give the plural when it is not `s`). */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** What every terminal section renders with. */
export interface Canvas {
  readonly paint: Paint;
  readonly width: number;
}

/** A section heading, its detail wrapped below it when the line is too narrow. */
export function heading(canvas: Canvas, text: string, detail = ''): string {
  const title = canvas.paint(text.toUpperCase(), 'bold');
  if (detail === '') return title;
  return wrap(canvas.paint(detail, 'dim'), { width: canvas.width, first: `${title} `, rest: '  ' }).join(
    '\n',
  );
}

/** A jewel ref in words: `cluster-admin`, `node root (workers)`, `secrets in shop`. */
export function jewelWords(jewel: string): string {
  if (jewel === 'jewel:cluster-admin') return 'cluster-admin';
  if (jewel.startsWith('jewel:node-root/')) return `node root (${jewel.slice('jewel:node-root/'.length)})`;
  if (jewel.startsWith('jewel:secrets/')) return `secrets in ${jewel.slice('jewel:secrets/'.length)}`;
  return jewel.startsWith('jewel:') ? jewel.slice('jewel:'.length) : jewel;
}

/** `chokepoint techniques`: the catalogue of attack steps, one line each. */
import { TECHNIQUES } from '../techniques/index.js';

/** The catalogue as text: id, likelihood, threat models and title, aligned, sorted by id. */
export function techniquesText(): string {
  const rows = TECHNIQUES.map((t) => [
    t.meta.id,
    t.meta.likelihood,
    t.meta.threatModels.join(','),
    t.meta.title,
  ]);
  const header = ['ID', 'LIKELIHOOD', 'THREAT MODELS', 'TITLE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

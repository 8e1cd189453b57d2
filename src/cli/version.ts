/** chokepoint's own version, from the package.json it was installed with (three levels above dist/src/cli). */
import { readFileSync } from 'node:fs';

/** The package version, or `0.0.0-unknown` when package.json cannot be read (a broken install). */
export function toolVersion(): string {
  try {
    const text = readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : '0.0.0-unknown';
  } catch {
    return '0.0.0-unknown';
  }
}

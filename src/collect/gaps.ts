/** Gap messages for file input: `file:line: what is wrong — what to do`. */
import type { Gap, GapKind } from './snapshot.js';

/** Where in the input a gap is: a file, and a line when one is known. */
export interface Place {
  readonly file: string;
  readonly line?: number;
}

/** Builds a gap whose message reads `file:line: what — todo`. */
export function gapAt(kind: GapKind, place: Place, what: string, todo: string): Gap {
  const where = place.line === undefined ? place.file : `${place.file}:${place.line}`;
  return { kind, where, message: `${where}: ${what} — ${todo}` };
}

// Template actions only Helm writes; Go templates in ConfigMaps (alerting rules) use none of these.
const HELM_ACTION =
  /\{\{-?\s*[^}]*(?:\.Values\b|\.Release\b|\.Chart\b|\.Capabilities\b|\.Files\b|\binclude\s|\btoYaml\b|\bnindent\b|\btpl\s|\brequired\s)/;

/**
 * The index of the first line that looks like an unrendered Helm template. `parsed` says whether the YAML parsed:
 * if it did not, any `{{` counts; if it did, only Helm's own actions do, since rendered ConfigMaps carry other
 * Go templates on purpose.
 */
export function helmLeftover(lines: readonly string[], parsed: boolean): number | undefined {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trimStart().startsWith('#')) continue;
    if (parsed ? HELM_ACTION.test(line) : line.includes('{{')) return index;
  }
  return undefined;
}

/** The gap for an unrendered Helm template. */
export function helmGap(place: Place): Gap {
  return gapAt('parse-error', place, 'looks like an unrendered Helm template', 'run `helm template` first');
}

/** Formats a byte limit for messages. */
export function mebibytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KiB` : `${Math.round(bytes / (1024 * 1024))} MiB`;
}

/**
 * Where a SARIF result points: the manifest file and line of the object to change, the Helm template that
 * rendered it (its `# Source:` comment) when there is one, and always the object ref as a logical location, which
 * is all a live cluster has.
 */
import type { Evidence } from '../techniques/types.js';
import type { Report } from './contract.js';

/** Where an object was read from, as the report states it. */
export interface Place {
  /** `file:line`. */
  readonly location?: string;
  readonly template?: string;
}

/** A SARIF `location`, as far as chokepoint fills it. */
export interface SarifLocation {
  readonly id?: number;
  readonly physicalLocation?: {
    readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string };
    readonly region?: { readonly startLine: number };
  };
  readonly logicalLocations: readonly { readonly fullyQualifiedName: string; readonly kind: 'resource' }[];
  readonly message?: { readonly text: string };
}

/** Every object ref the report places in a file, from evidence and plan items. */
export function placesOf(report: Report): Map<string, Place> {
  const places = new Map<string, Place>();
  const add = (e: Pick<Evidence, 'ref' | 'location' | 'template'>): void => {
    if (e.location === undefined || places.has(e.ref)) return;
    places.set(e.ref, {
      location: e.location,
      ...(e.template === undefined ? {} : { template: e.template }),
    });
  };
  for (const finding of report.findings) finding.evidence.forEach(add);
  for (const path of report.paths) for (const step of path.steps) step.evidence.forEach(add);
  for (const item of report.plan)
    add({ ref: item.target, ...(item.location ? { location: item.location } : {}) });
  return places;
}

/** A relative path as a URI reference (each segment escaped); absolute paths become `file://` URIs. */
function fileUri(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.replaceAll('\\', '/');
  const encoded = slashed.split('/').map(encodeURIComponent).join('/');
  if (slashed.startsWith('/')) return { uri: `file://${encoded}` };
  return { uri: encoded.replace(/^(\.\/)+/, ''), uriBaseId: '%SRCROOT%' };
}

/** Splits `file:line`; a location without a line (or stdin, which has no file) gives no physical location. */
function fileAndLine(location: string): { file: string; line: number } | undefined {
  const match = /^(.*):(\d+)$/.exec(location);
  if (match === null || match[1] === '<stdin>' || match[1] === '') return undefined;
  return { file: match[1]!, line: Math.max(1, Number(match[2])) };
}

/**
 * The location of one object. Helm output points at the template (its lines differ from the rendered output,
 * so no region), with the rendered file:line kept as a related location by the caller.
 */
export function sarifLocation(ref: string, place: Place | undefined): SarifLocation {
  const logicalLocations = [{ fullyQualifiedName: ref, kind: 'resource' as const }];
  if (place?.template !== undefined) {
    return { physicalLocation: { artifactLocation: fileUri(place.template) }, logicalLocations };
  }
  const at = place?.location === undefined ? undefined : fileAndLine(place.location);
  if (at === undefined) return { logicalLocations };
  return {
    physicalLocation: { artifactLocation: fileUri(at.file), region: { startLine: at.line } },
    logicalLocations,
  };
}

/** For Helm output: the rendered file and line, as a related location; none otherwise. */
export function renderedLocation(ref: string, place: Place | undefined): SarifLocation[] {
  if (place?.template === undefined || place.location === undefined) return [];
  const at = fileAndLine(place.location);
  if (at === undefined) return [];
  return [
    {
      id: 1,
      physicalLocation: { artifactLocation: fileUri(at.file), region: { startLine: at.line } },
      logicalLocations: [{ fullyQualifiedName: ref, kind: 'resource' }],
      message: { text: `rendered by helm template from ${place.template}` },
    },
  ];
}

/** Reads probe results back (`scan --probe-results FILE`): the JSON `chokepoint probe --format json` writes. */
import { PROBE_FINDINGS } from './catalogue.js';
import { PROBE_SCHEMA_VERSION, type ProbeResults } from './types.js';

/** The results in `text`, or what is wrong with them and what to do. */
export function parseProbeResults(
  text: string,
  file: string,
): { ok: true; value: ProbeResults } | { ok: false; message: string } {
  const redo = `— write it with chokepoint probe HOST... --format json -o ${file}`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${file}: not JSON (${(error as Error).message}) ${redo}` };
  }
  const results = value as Partial<ProbeResults> | null;
  if (results === null || typeof results !== 'object' || results.schemaVersion !== PROBE_SCHEMA_VERSION)
    return {
      ok: false,
      message: `${file}: not probe results of schema version ${PROBE_SCHEMA_VERSION} ${redo}`,
    };
  if (!Array.isArray(results.findings) || !Array.isArray(results.results))
    return { ok: false, message: `${file}: probe results without findings[] and results[] ${redo}` };
  for (const [i, finding] of results.findings.entries()) {
    const ok =
      typeof finding === 'object' &&
      finding !== null &&
      Object.hasOwn(PROBE_FINDINGS, finding.id) &&
      typeof finding.host === 'string' &&
      typeof finding.port === 'number' &&
      Array.isArray(finding.evidence);
    if (!ok)
      return {
        ok: false,
        message: `${file}: findings[${i}] is not a probe finding (id, host, port, evidence) ${redo}`,
      };
  }
  return { ok: true, value: results as ProbeResults };
}

/** The probe side of `scan`: `--probe-results FILE` read back, or `--probe HOST...` run now with the defaults. */
import { readFile } from 'node:fs/promises';
import { defaultPorts } from '../probe/ports.js';
import { probe } from '../probe/probe.js';
import { parseProbeResults } from '../probe/read-results.js';
import { CONFIRM_ABOVE, expandTargets } from '../probe/targets.js';
import type { ProbeResults } from '../probe/types.js';
import { warn } from './io.js';
import { toolVersion } from './version.js';

/** `scan`'s probe flags. */
export interface ScanProbeFlags {
  readonly probeResults?: string;
  readonly probe?: readonly string[];
}

/** The probe results to add to the scan, undefined when none was asked for, or a usage message. */
export async function probeInput(flags: ScanProbeFlags): Promise<ProbeResults | undefined | string> {
  if (flags.probeResults !== undefined && flags.probe !== undefined)
    return 'scan: give --probe-results FILE or --probe HOST..., not both';
  if (flags.probeResults !== undefined) {
    let text: string;
    try {
      text = await readFile(flags.probeResults, 'utf8');
    } catch (error) {
      return `--probe-results: cannot read ${flags.probeResults}: ${(error as NodeJS.ErrnoException).code ?? error} — check the path`;
    }
    const parsed = parseProbeResults(text, flags.probeResults);
    return parsed.ok ? parsed.value : parsed.message;
  }
  if (flags.probe === undefined) return undefined;
  const hosts = expandTargets(flags.probe);
  if (!hosts.ok) return hosts.message;
  if (hosts.value.length > CONFIRM_ABOVE)
    return `--probe: ${hosts.value.length} addresses — run chokepoint probe --yes -o FILE, then scan --probe-results FILE`;
  if (process.stderr.isTTY) warn(`chokepoint: probing ${hosts.value.length} host(s) (read-only requests)`);
  return probe({
    hosts: hosts.value,
    ports: defaultPorts(),
    timeoutMs: 3000,
    concurrency: 16,
    rate: 50,
    targets: flags.probe,
    version: toolVersion(),
  });
}

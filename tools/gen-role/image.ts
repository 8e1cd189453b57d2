/** The image the generated CronJob runs: chokepoint's own, tagged with the package version. */
import { toolVersion } from '../../src/cli/version.js';

/** `ghcr.io/chokepoint/chokepoint:<version>`. */
export function scannerImage(): string {
  return `ghcr.io/chokepoint/chokepoint:${toolVersion()}`;
}

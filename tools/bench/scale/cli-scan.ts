/**
 * Child process for the CLI measure: `chokepoint scan DIR --format json -o OUT`, as a user runs it, in this one
 * process (the executable's own module, so start-up and every module it loads count). run-phases.ts times the
 * library calls between phases; this is what the executable costs on top. Prints one JSON line at exit: CPU time,
 * peak RSS and the exit code (the bench times the whole process).
 */
import { writeSync } from 'node:fs';

/** What the CLI child prints. */
export interface CliRun {
  readonly cpuMs: number;
  readonly maxRssBytes: number;
  readonly exitCode: number;
}

const [dir, out] = process.argv.slice(2);
if (dir === undefined || out === undefined) throw new Error('usage: cli-scan.js DIR OUT.json');

process.on('exit', (code) => {
  const used = process.cpuUsage();
  const run: CliRun = {
    cpuMs: (used.user + used.system) / 1000,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    exitCode: code,
  };
  // The CLI writes its report to OUT, so stdout carries only this line.
  writeSync(1, `${JSON.stringify(run)}\n`);
});
process.argv = [process.argv[0]!, 'chokepoint', 'scan', dir, '--format', 'json', '-o', out];
await import('../../../src/cli/main.js');

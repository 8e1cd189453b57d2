#!/usr/bin/env node
/**
 * The chokepoint executable. Runs the program, maps the outcome to an exit code in one place (exit.ts), and turns
 * anything unexpected into a one-line internal error (exit 70) instead of a stack trace.
 */
import { CommanderError } from 'commander';
import {
  EXIT,
  exitCodeOf,
  exitCodeOfCommander,
  internalErrorLines,
  messagesOf,
  type Outcome,
} from './exit.js';
import { tolerateClosedStdout, warn } from './io.js';
import { buildProgram } from './program.js';
import { toolVersion } from './version.js';

/** Runs the CLI on `argv` (as `process.argv`) and sets the process exit code. */
async function main(argv: readonly string[]): Promise<void> {
  tolerateClosedStdout();
  let outcome: Outcome | undefined;
  const program = buildProgram(toolVersion(), (result) => {
    outcome = result;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // commander has already printed its message, or the help or version that was asked for.
    process.exitCode = exitCodeOfCommander(error.exitCode);
    return;
  }
  if (outcome === undefined) return;
  for (const line of messagesOf(outcome)) warn(line);
  process.exitCode = exitCodeOf(outcome);
}

main(process.argv).catch((error: unknown) => {
  for (const line of internalErrorLines(error, process.env.CHOKEPOINT_DEBUG === '1')) warn(line);
  process.exitCode = EXIT.internal;
});

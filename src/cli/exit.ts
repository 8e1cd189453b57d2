/**
 * The one place that turns what happened into an exit code and a message. Expected failures arrive as values;
 * only real bugs are exceptions, and only they print a stack (with CHOKEPOINT_DEBUG=1).
 */

/** Exit codes, as DESIGN.md defines them (70 is EX_SOFTWARE: a bug in chokepoint). */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  incomplete: 3,
  internal: 70,
} as const;

/** Every exit code chokepoint uses. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the user can fix: a bad option, or no usable input. Carried as a value to `exitOf`. */
export interface Failure {
  readonly kind: 'usage' | 'no-input';
  /** What is wrong, where, and what to do. */
  readonly message: string;
}

/** How a command ended. `findings` is "at or above --fail-on"; `incomplete` is "there were gaps". */
export type Outcome =
  | { readonly kind: 'failed'; readonly failure: Failure }
  | {
      readonly kind: 'done';
      readonly findings: boolean;
      readonly incomplete: boolean;
      readonly strict: boolean;
    };

/** Builds a usage failure. */
export function usage(message: string): Outcome {
  return { kind: 'failed', failure: { kind: 'usage', message } };
}

/** Builds a no-usable-input failure. */
export function noInput(message: string): Outcome {
  return { kind: 'failed', failure: { kind: 'no-input', message } };
}

/** The exit code of an outcome; when several apply, 2 > 3 > 1 > 0. */
export function exitCodeOf(outcome: Outcome): ExitCode {
  switch (outcome.kind) {
    case 'failed':
      return EXIT.usage;
    case 'done':
      if (outcome.strict && outcome.incomplete) return EXIT.incomplete;
      return outcome.findings ? EXIT.findings : EXIT.ok;
    default: {
      const never: never = outcome;
      throw new Error(`unknown outcome ${JSON.stringify(never)}`);
    }
  }
}

/** The exit code after commander stopped the parse: 0 for --help and --version, usage (2) for its errors. */
export function exitCodeOfCommander(commanderExitCode: number): ExitCode {
  return commanderExitCode === 0 ? EXIT.ok : EXIT.usage;
}

/** The stderr lines for an outcome (none for a normal end). */
export function messagesOf(outcome: Outcome): string[] {
  if (outcome.kind === 'failed') return [`chokepoint: ${outcome.failure.message}`];
  if (outcome.strict && outcome.incomplete) {
    return ['chokepoint: the scan is incomplete (see the warnings above) and --strict is set — exit 3'];
  }
  return [];
}

/** The stderr lines for a bug: the message, and the stack only when CHOKEPOINT_DEBUG=1. */
export function internalErrorLines(error: unknown, debug: boolean): string[] {
  const message = error instanceof Error ? error.message : String(error);
  const lines = [`chokepoint: internal error: ${message}`];
  if (debug && error instanceof Error && error.stack !== undefined) lines.push(error.stack);
  else
    lines.push(
      'This is a bug in chokepoint. Rerun with CHOKEPOINT_DEBUG=1 for details, and please report it.',
    );
  return lines;
}

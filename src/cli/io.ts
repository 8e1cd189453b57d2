/** The CLI's side effects in one place: writing stdout, stderr and files, and what the terminal can show. */
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Output text: one string, or pieces written in turn (a large JSON report is never one string). */
export type OutputText = string | { readonly chunks: Iterable<string> };

function piecesOf(text: OutputText): Iterable<string> {
  return typeof text === 'string' ? [text] : text.chunks;
}

/** Writes text to stdout and resolves once it is flushed; a closed pipe (`| head`) is not an error. */
export async function writeStdout(text: OutputText): Promise<void> {
  for (const piece of piecesOf(text))
    await new Promise<void>((resolve) => {
      process.stdout.write(piece, () => resolve());
    });
}

/** Writes one line to stderr: progress, warnings and errors never go to stdout. */
export function warn(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Writes the report to a file, creating its folder; returns a message on failure. */
export async function writeOutput(file: string, text: OutputText): Promise<string | undefined> {
  try {
    await mkdir(dirname(file), { recursive: true });
    const handle = await open(file, 'w');
    try {
      for (const piece of piecesOf(text)) await handle.writeFile(piece);
    } finally {
      await handle.close();
    }
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return `-o ${file}: cannot write the report (${code}) — choose a writable path`;
  }
}

/** Colour and width for terminal output: colour only on a TTY, never with NO_COLOR or --no-color. */
export function terminalContext(options: { readonly color: boolean; readonly toFile: boolean }): {
  color: boolean;
  width: number;
} {
  const tty = !options.toFile && process.stdout.isTTY === true;
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return { color: tty && options.color && !noColor, width: tty ? (process.stdout.columns ?? 100) : 100 };
}

/** Ignore EPIPE on stdout (the reader went away); anything else is a real error. */
export function tolerateClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    throw error;
  });
}

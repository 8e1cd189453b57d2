/**
 * `chokepoint init`: asks the threat-modelling questions and writes a commented chokepoint.yaml. Every question
 * has a flag; `--yes` takes the defaults for the rest, so it runs unattended. Streams are injected for tests.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { configYaml, type InitAnswers, QUESTIONS, type Question } from '../config/init-answers.js';
import { CONFIG_FILE } from '../config/load-config.js';
import { parseConfig } from '../config/parse-config.js';
import { DEFAULT_CONFIG } from '../prioritize/config.js';
import { type Outcome, usage } from './exit.js';

/** The flags of `init`, named after the questions' keys. */
export interface InitFlags {
  readonly apiPublic?: string;
  readonly appsPublic?: string;
  readonly multiTenant?: string;
  readonly credentials?: string;
  readonly hurtMost?: string;
  readonly output?: string;
  readonly force?: boolean;
  readonly yes?: boolean;
}

/** Where init talks and writes. */
export interface InitIo {
  readonly input: Readable;
  readonly output: Writable;
  readonly cwd: string;
}

const FLAG_OF: Readonly<Record<keyof InitAnswers, keyof InitFlags>> = {
  apiPublic: 'apiPublic',
  appsPublic: 'appsPublic',
  multiTenant: 'multiTenant',
  credentialHolders: 'credentials',
  hurtMost: 'hurtMost',
};

const shown = (value: unknown) => (typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value));

/** Runs `init`: answers from flags first, then from the prompt (the default on an empty line or end of input). */
export async function runInit(flags: InitFlags, io: InitIo): Promise<Outcome> {
  const file = resolve(io.cwd, flags.output ?? CONFIG_FILE);
  const name = flags.output ?? CONFIG_FILE;
  if (existsSync(file) && flags.force !== true)
    return usage(
      `init: ${name} already exists — pass --force to overwrite it, or -o FILE to write elsewhere`,
    );
  const answers: Record<string, unknown> = {};
  const pending: Question[] = [];
  for (const question of QUESTIONS) {
    const given = flags[FLAG_OF[question.key]];
    if (typeof given === 'string') {
      const value = question.read(given);
      if (typeof value === 'string') return usage(`${question.flag}: ${value}`);
      answers[question.key] = value;
    } else if (flags.yes === true) answers[question.key] = question.fallback;
    else pending.push(question);
  }
  if (pending.length > 0) await ask(pending, answers, io);
  const text = configYaml(answers as unknown as InitAnswers);
  const check = parseConfig(text, { file: name, base: DEFAULT_CONFIG });
  if (!check.ok) throw new Error(`init wrote a config it cannot read: ${check.problems.join('; ')}`);
  await writeFile(file, text);
  io.output.write(`Wrote ${name}. chokepoint scan reads it from this folder; edit it to fine-tune.\n`);
  return { kind: 'done', findings: false, incomplete: false, strict: false };
}

/** Prompts each question until it gets a valid answer; an empty line or the end of input takes the default. */
async function ask(
  questions: readonly Question[],
  answers: Record<string, unknown>,
  io: InitIo,
): Promise<void> {
  const rl = createInterface({ input: io.input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  try {
    for (const question of questions) {
      for (;;) {
        io.output.write(`${question.ask} [${shown(question.fallback)}] `);
        const line = await lines.next();
        const text = line.done === true ? '' : String(line.value).trim();
        if (line.done === true) io.output.write('\n');
        const value = text === '' ? question.fallback : question.read(text);
        if (typeof value !== 'string') {
          answers[question.key] = value;
          break;
        }
        io.output.write(`  ${value}\n`);
      }
    }
  } finally {
    rl.close();
  }
}

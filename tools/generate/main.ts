#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import { generateCluster } from './generate.js';
import { isSizeName, SIZE_NAMES, type SizeName } from './sizes.js';
import { formatCounts } from './summary.js';

function parseSize(value: string): SizeName {
  if (!isSizeName(value)) throw new InvalidArgumentError(`expected one of ${SIZE_NAMES.join(', ')}`);
  return value;
}

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new InvalidArgumentError('expected an integer 0..4294967295');
  return seed;
}

const program = new Command()
  .name('gen')
  .description('Generate a seeded, deterministic Kubernetes cluster dump (kubectl get -A style).')
  .requiredOption('--size <size>', `cluster size: ${SIZE_NAMES.join(' | ')}`, parseSize)
  .addOption(new Option('--format <format>', 'output format').choices(['json', 'yaml']).default('json'))
  .requiredOption('--out <dir>', 'output directory')
  .option('--seed <n>', 'random seed', parseSeed, 1)
  .option('--show-managed-fields', 'keep metadata.managedFields (objects get about twice as large)', false)
  .action(
    (options: {
      size: SizeName;
      format: 'json' | 'yaml';
      out: string;
      seed: number;
      showManagedFields: boolean;
    }) => {
      const started = performance.now();
      const result = generateCluster(options);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const megabytes = (result.bytes / 1e6).toFixed(1);
      process.stderr.write(`${options.size} seed ${options.seed} (${options.format}) -> ${options.out}\n`);
      process.stderr.write(`${formatCounts(result.counts)}\n${megabytes} MB in ${seconds} s\n`);
    },
  );

program.parse();

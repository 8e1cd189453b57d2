/**
 * Child process for B_parse: both parse baselines of one input, in a process that has done nothing else, with
 * every file read once before the clock starts. End to end reads its input from the page cache (B_parse and
 * naive-retain read it first), so B_parse must too: R150k's 2.6 GB read cold made B_parse 16.1 s wall (12.9 s
 * CPU) against 9.7 s warm, a baseline that flattered every ratio. Prints one JSON line.
 */
import { fileChunks } from '../../../src/collect/file-chunks.js';
import { bParsePlain, bParseStreaming } from './b-parse.js';
import { filesUnder } from './files.js';

const [dir] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: parse-baseline.js DIR');
const files = filesUnder(dir);
// Into the page cache, untimed: the chunks are read and dropped.
for (const file of files) for (const _chunk of fileChunks(file));
const streaming = bParseStreaming(files);
const plain = bParsePlain(files);
console.log(JSON.stringify({ streaming, plain }));

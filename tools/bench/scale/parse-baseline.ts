/**
 * Child process for B_parse: both parse baselines of one input, in a process that has done nothing else. In the
 * bench's own process, after the smaller sizes, B_parse of R150k took 14.6–16.1 s against 8.5–8.9 s fresh; end
 * to end always runs fresh, so its ratio needs a fresh baseline. Prints one JSON line.
 */
import { bParsePlain, bParseStreaming } from './b-parse.js';
import { filesUnder } from './files.js';

const [dir] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: parse-baseline.js DIR');
const files = filesUnder(dir);
const streaming = bParseStreaming(files);
const plain = bParsePlain(files);
console.log(JSON.stringify({ streaming, plain }));

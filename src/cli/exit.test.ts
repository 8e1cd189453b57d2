import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EXIT,
  exitCodeOf,
  exitCodeOfCommander,
  internalErrorLines,
  messagesOf,
  noInput,
  usage,
} from './exit.js';

const done = (findings: boolean, incomplete: boolean, strict: boolean) =>
  ({ kind: 'done', findings, incomplete, strict }) as const;

test('precedence is 2 > 3 > 1 > 0', () => {
  assert.equal(exitCodeOf(usage('bad')), EXIT.usage);
  assert.equal(exitCodeOf(noInput('nothing')), EXIT.usage);
  assert.equal(exitCodeOf(done(true, true, true)), EXIT.incomplete);
  assert.equal(exitCodeOf(done(false, true, true)), EXIT.incomplete);
  assert.equal(exitCodeOf(done(true, true, false)), EXIT.findings);
  assert.equal(exitCodeOf(done(true, false, true)), EXIT.findings);
  assert.equal(exitCodeOf(done(false, true, false)), EXIT.ok);
  assert.equal(exitCodeOf(done(false, false, false)), EXIT.ok);
});

test('commander: help and version end 0, its errors are usage errors', () => {
  assert.equal(exitCodeOfCommander(0), 0);
  assert.equal(exitCodeOfCommander(1), 2);
});

test('messages: failures are prefixed, --strict says why it exits 3, a clean end says nothing', () => {
  assert.deepEqual(messagesOf(usage('--x: wrong — do y')), ['chokepoint: --x: wrong — do y']);
  assert.match(messagesOf(done(false, true, true))[0]!, /incomplete.*--strict/);
  assert.deepEqual(messagesOf(done(true, true, false)), []);
});

test('internal errors show the stack only in debug mode', () => {
  const error = new Error('boom');
  const quiet = internalErrorLines(error, false);
  assert.equal(quiet[0], 'chokepoint: internal error: boom');
  assert.ok(quiet.every((line) => !/^\s+at /m.test(line)));
  const loud = internalErrorLines(error, true);
  assert.match(loud.join('\n'), /\n {4}at /);
  assert.equal(internalErrorLines('text', false)[0], 'chokepoint: internal error: text');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Memo, memoKey } from './memo.js';

const COUNT = memoKey<{ readonly n: number }>('count');
const NOTHING = memoKey<undefined>('nothing');

test('a value is built once per key until the memo is released', () => {
  const memo = new Memo();
  let builds = 0;
  const build = () => ({ n: ++builds });
  const first = memo.of(COUNT, build);
  assert.equal(memo.of(COUNT, build), first);
  assert.equal(builds, 1);
  assert.equal(memo.size, 1);
  memo.release();
  assert.equal(memo.size, 0);
  const second = memo.of(COUNT, build);
  assert.notEqual(second, first);
  assert.deepEqual(second, { n: 2 });
});

test('keys with the same name are still different keys, and undefined is remembered too', () => {
  const memo = new Memo();
  const other = memoKey<{ readonly n: number }>('count');
  assert.deepEqual(
    memo.of(COUNT, () => ({ n: 1 })),
    { n: 1 },
  );
  assert.deepEqual(
    memo.of(other, () => ({ n: 2 })),
    { n: 2 },
  );
  let builds = 0;
  memo.of(NOTHING, () => {
    builds++;
    return undefined;
  });
  memo.of(NOTHING, () => {
    builds++;
    return undefined;
  });
  assert.equal(builds, 1);
});

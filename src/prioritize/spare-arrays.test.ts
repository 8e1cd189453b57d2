import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropSpares, recycle, spareFloat64, spareInt32, spareUint8 } from './spare-arrays.js';

test('a recycled array is handed out again for its own type and length only, and once', () => {
  dropSpares();
  const labels = new Int32Array(5);
  recycle(labels, labels);
  assert.notEqual(spareInt32(6), labels);
  assert.notEqual(spareFloat64(5) as unknown, labels);
  assert.notEqual(spareUint8(5) as unknown, labels);
  assert.equal(spareInt32(5), labels);
  // Recycled twice, it is still handed out once: two runs must never share it.
  assert.notEqual(spareInt32(5), labels);
});

test('a plan lets its spares go', () => {
  const marks = new Uint8Array(3);
  recycle(marks);
  dropSpares();
  assert.notEqual(spareUint8(3), marks);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PatchOp } from '../collect/patch.js';
import { staleAfter } from './stale-ops.js';

const remove = (path: string): PatchOp => ({ op: 'remove', path });
const set = (path: string): PatchOp => ({ op: 'replace', path, value: false });

test('a removed array element shifts the indexes a later op uses', () => {
  assert.equal(staleAfter([remove('/subjects/0')], [remove('/subjects/1')]), true);
  assert.equal(staleAfter([remove('/spec/volumes/2')], [remove('/spec/volumes/0')]), true);
});

test('the same place touched twice, or the object deleted, is stale', () => {
  const privileged = '/spec/containers/0/securityContext/privileged';
  assert.equal(staleAfter([set(privileged)], [set(privileged)]), true);
  assert.equal(staleAfter([set('/spec/containers/0/securityContext')], [set(privileged)]), true);
  assert.equal(staleAfter([{ op: 'delete-object' }], [set(privileged)]), true);
});

test('near miss: other fields of the same object, or an append, leave a later op as it was', () => {
  const automount: PatchOp = { op: 'add', path: '/spec/automountServiceAccountToken', value: false };
  assert.equal(staleAfter([automount], [set('/spec/containers/0/securityContext/privileged')]), false);
  assert.equal(staleAfter([remove('/spec/volumes/1')], [remove('/spec/containers/0/volumeMounts/1')]), false);
  const append: PatchOp = { op: 'add', path: '/spec/tolerations/-', value: {} };
  assert.equal(staleAfter([append], [remove('/spec/tolerations/0')]), false);
  assert.equal(staleAfter([], [remove('/subjects/1')]), false);
});

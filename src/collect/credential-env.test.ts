import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { isCredentialLikeValue } from './credential-like.js';

/** The credential-like env names of one container whose env is `env`, and the projected snapshot text. */
function scan(env: { name: string; value: string }[]): { names: readonly string[]; text: string } {
  const snapshot = snapshotOf([
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'shop' },
      spec: { containers: [{ name: 'c', image: 'app:1', env }] },
    },
  ]);
  const names = buildModel(snapshot).workloads[0]?.containers[0]?.credentialLikeEnvNames ?? [];
  return { names, text: JSON.stringify(snapshot) };
}

test('a literal with the shape of a credential is flagged by value, under any name, and the value is dropped', () => {
  const key = '---BEGIN OPENSSH PRIVATE KEY---\nb3BlbnNzaC1rZXktdjEAAAAA\n---END OPENSSH PRIVATE KEY---';
  const { names, text } = scan([
    { name: 'the_good_stuff', value: key },
    { name: 'AUTH_HEADER', value: 'bearer abc123def' },
  ]);
  assert.deepEqual(names, ['AUTH_HEADER', 'the_good_stuff']);
  assert.ok(!text.includes('abc123def') && !text.includes('b3BlbnNzaC1rZXktdjEAAAAA'), 'no value survives');
});

test('near misses: a benign value under a benign name, and a placeholder', () => {
  assert.deepEqual(scan([{ name: 'DB_URL', value: 'AKIA' }]).names, []);
  assert.deepEqual(scan([{ name: 'AUTH_HEADER', value: 'bearer' }]).names, []);
  assert.equal(isCredentialLikeValue('{{ .Values.token }}'), false);
});

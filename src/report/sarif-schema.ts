/** Test helper: the SARIF 2.1.0 JSON schema that ships with the SARIF Multitool, compiled with ajv. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS: under NodeNext its function arrives as `default` of the module object.
const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv2020) => void }).default;

/** Where the schema is, inside the installed Multitool package. */
export function sarifSchemaPath(): string {
  return require.resolve('@microsoft/sarif-multitool-linux/sarif-2.1.0.json');
}

/** The schema errors of a SARIF log, as readable lines; none when it is valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(sarifSchemaPath(), 'utf8')));
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** `npm run gen-role`: writes examples/rbac/ from the live collector's kind registry. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCANNER_ROLE_DIR, scannerRoleFiles } from '../../src/collect/live/scanner-role-files.js';
import { scannerImage } from './image.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = join(root, SCANNER_ROLE_DIR);
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(scannerRoleFiles(scannerImage()))) {
  writeFileSync(join(dir, name), text);
  process.stderr.write(`wrote ${SCANNER_ROLE_DIR}/${name}\n`);
}

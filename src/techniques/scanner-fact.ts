/** The `scanner-identity` fact: who a live scan ran as, and which Secrets its credentials can list. */
import type { ScannerView } from '../model/scanner.js';

/** "chokepoint runs as User/x; it can list Secrets in 3 of 7 namespaces (a, b, c)". */
export function scannerSays(scanner: ScannerView): string {
  const lists = scanner.listsSecretsIn;
  const named = lists.length > 5 ? `${lists.slice(0, 5).join(', ')}, …` : lists.join(', ');
  const secrets =
    lists.length === 0
      ? 'it cannot list Secrets'
      : `it can list Secrets in ${lists.length} of ${scanner.reviewed.length} namespaces (${named})`;
  const groups = scanner.groups.length === 0 ? '' : ` (groups ${scanner.groups.join(', ')})`;
  const incomplete =
    scanner.incomplete.length === 0
      ? ''
      : `; the server's review was incomplete in ${scanner.incomplete.length} namespaces, so it may do more`;
  return `chokepoint runs as ${scanner.identity}${groups}; ${secrets}${incomplete}`;
}

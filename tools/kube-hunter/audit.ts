/** What kube-hunter did to a real API server, from its audit log: it must have made no writes. */
import { readFileSync } from 'node:fs';

/** kube-hunter's requests in one audit log: reads counted, writes listed as `verb requestURI`. */
export interface AuditSummary {
  readonly reads: number;
  readonly writes: readonly string[];
}

interface AuditEvent {
  readonly auditID: string;
  readonly verb: string;
  readonly requestURI: string;
  readonly userAgent?: string;
}

// kube-hunter 0.6.8 sends requests with python-requests' default user agent.
const KUBE_HUNTER_AGENT = /python-requests|kube-hunter/i;
const READ_VERBS: readonly string[] = ['get', 'list', 'watch'];

/** Summarizes kube-hunter's requests in the JSON-lines audit log at `path` (one event per request). */
export function auditOf(path: string): AuditSummary {
  const events = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as AuditEvent)
    .filter((e) => KUBE_HUNTER_AGENT.test(e.userAgent ?? ''));
  // One request logs several stages (a refused authentication only ResponseStarted): count each auditID once.
  const requests = [...new Map(events.map((e) => [e.auditID, e])).values()];
  const writes = requests.filter((e) => !READ_VERBS.includes(e.verb)).map((e) => `${e.verb} ${e.requestURI}`);
  return { reads: requests.length - writes.length, writes };
}

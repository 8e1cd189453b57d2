/**
 * Which names in a serving certificate leak internal information. A private-CA or self-signed certificate is
 * normal for a cluster and is not a finding; names that map the inside (node host names, private addresses,
 * internal DNS zones) are. The well-known in-cluster API names and loopback say nothing new and are skipped.
 */
import { isIP } from 'node:net';

const WELL_KNOWN = /^(localhost|kubernetes|kubernetes\.default(\.svc(\..+)?)?)$/i;
const INTERNAL_ZONE = /\.(local|internal|lan|corp|intranet|home|localdomain|private|svc)$/i;

function privateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a = 0, b = 0] = ip.split('.').map(Number);
    return (
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  return /^f[cd]|^fe[89ab]/i.test(ip);
}

function loopback(name: string): boolean {
  return /^127\./.test(name) || name === '::1' || name === '0:0:0:0:0:0:0:1';
}

/** The names of `sans` that leak internal hosts or addresses to someone who reached `host`, sorted. */
export function leakingNames(sans: readonly string[], host: string): string[] {
  const leaks = sans.filter((name) => {
    if (name.toLowerCase() === host.toLowerCase() || loopback(name) || WELL_KNOWN.test(name)) return false;
    if (isIP(name) !== 0) return privateAddress(name);
    const bare = name.replace(/^\*\./, '');
    return !bare.includes('.') || INTERNAL_ZONE.test(bare);
  });
  return [...new Set(leaks)].sort();
}

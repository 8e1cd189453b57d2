/**
 * Which ConfigMap values look like credentials. A credential in a ConfigMap is readable by anyone who can read
 * ConfigMaps (far more identities than can read Secrets), so the key is recorded before the value is dropped.
 */

// Names that hold a credential when set to a literal; `_FILE`/`_PATH` names point at one instead.
const CREDENTIAL_NAME =
  /PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|(^|_)PWD($|_)/;
const POINTER_NAME = /_(FILE|PATH)$/;

// Shapes of well-known credentials, anywhere in the value.
const CREDENTIAL_VALUE: readonly RegExp[] = [
  /-{3,}BEGIN [A-Z ]*PRIVATE KEY-{3,}/,
  // An HTTP Authorization value with its token.
  /\bbearer\s+[A-Za-z0-9._~+/=-]{6,}/i,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/,
  /\bgh[pousr]_[A-Za-z0-9]{36,}/,
  /\bgithub_pat_[A-Za-z0-9_]{22,}/,
  /\bglpat-[A-Za-z0-9_-]{20,}/,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/,
  /\bAIza[0-9A-Za-z_-]{35}\b/,
  /\b[rs]k_live_[0-9A-Za-z]{16,}/,
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/,
  // A URL with a password in it: scheme://user:password@host.
  /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i,
  // A line of an embedded config file that assigns a literal to a credential-named setting.
  /^[ \t]*["']?[\w.-]*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key)["']?[ \t]*[:=][ \t]*(?!\$\{|\{\{|["']?[ \t]*$)\S/im,
];

// Values that stand for a credential without being one.
const PLACEHOLDER = /^\s*(?:\$\{[^}]*\}|\{\{[^}]*\}\}|<[^>]*>|\*+|changeme|redacted|\(redacted\))?\s*$/i;

/** True when a key name suggests it holds a credential (`DB_PASSWORD`, `api-key`), not a pointer to one. */
export function isCredentialLikeKey(key: string): boolean {
  const normal = key.toUpperCase().replace(/[-.]/g, '_');
  return CREDENTIAL_NAME.test(normal) && !POINTER_NAME.test(normal);
}

/** True when a literal value has the shape of a well-known credential, whatever its name. */
export function isCredentialLikeValue(value: string): boolean {
  return !PLACEHOLDER.test(value) && CREDENTIAL_VALUE.some((pattern) => pattern.test(value));
}

/** True when a ConfigMap entry looks like it holds a credential, by its key name or by its value. */
export function isCredentialLike(key: string, value: unknown): boolean {
  if (typeof value !== 'string' || PLACEHOLDER.test(value)) return false;
  if (isCredentialLikeKey(key)) return true;
  return CREDENTIAL_VALUE.some((pattern) => pattern.test(value));
}

/**
 * SARIF rules, derived from the registries: one rule per technique (a finding is an instance of it) and one per
 * remediation (a plan item recommends it). Nothing here names a technique; a new one appears by itself.
 */
import { TECHNIQUES } from '../techniques/index.js';
import { REMEDIATIONS, type RemediationId } from '../techniques/remediations.js';
import { RISK_MODEL_URL, techniqueDocUrl } from './doc-links.js';
import { SECURITY_SEVERITY } from './severity.js';

/** A SARIF `reportingDescriptor`, as far as chokepoint fills it. */
export interface SarifRule {
  readonly id: string;
  /** Omitted when it would equal the id but for case, as SARIF asks (SARIF1001). */
  readonly name?: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly help: { readonly text: string; readonly markdown: string };
  readonly helpUri: string;
  readonly defaultConfiguration: { readonly level: 'error' | 'warning' | 'note' };
  readonly properties: {
    readonly tags: readonly string[];
    readonly 'security-severity': string;
    readonly precision: 'high';
  };
}

/** A kebab-case id as a PascalCase SARIF rule name, or nothing when that is the id itself (one word). */
function ruleName(id: string): { name?: string } {
  const name = id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
  return name.toLowerCase() === id.toLowerCase() ? {} : { name };
}

/** One rule per technique, sorted by id: ATT&CK and Microsoft ids as tags, severity from its likelihood. */
function techniqueRules(): SarifRule[] {
  return TECHNIQUES.map(({ meta }) => {
    const fixes = meta.remediations.map((id) => `- ${REMEDIATIONS[id].title} (\`${id}\`)`);
    const fixText = meta.remediations.map((id) => REMEDIATIONS[id].title).join('; ');
    const severity = SECURITY_SEVERITY[meta.likelihood];
    return {
      id: meta.id,
      ...ruleName(meta.id),
      shortDescription: { text: meta.title },
      fullDescription: { text: `${meta.summary} Needs: ${meta.prerequisites}` },
      help: {
        text: `${meta.exploitation} Fix: ${fixText}.`,
        markdown: `${meta.exploitation}\n\n**Needs:** ${meta.prerequisites}\n\n**Fix:**\n${fixes.join('\n')}`,
      },
      helpUri: techniqueDocUrl(meta.id),
      defaultConfiguration: { level: Number(severity) >= 7 ? 'error' : 'warning' },
      properties: {
        tags: [
          'security',
          'kubernetes',
          ...meta.threatModels.map((tm) => `threat-model/${tm}`),
          ...meta.mitre.map((id) => `external/mitre-attack/${id}`),
          ...meta.msThreatMatrix.map((id) => `external/ms-threat-matrix/${id}`),
        ],
        'security-severity': severity,
        precision: 'high',
      },
    };
  });
}

/** Plan items are high (7.0–8.9) on GitHub's scale: each cuts a path; its level says how much risk it removes. */
const FIX_SEVERITY = '8.0';

/** One rule per remediation, sorted by id: a plan item's severity is the risk it removes, set per result. */
function remediationRules(): SarifRule[] {
  return (Object.keys(REMEDIATIONS) as RemediationId[]).sort().map((id) => {
    const { title, effort, mayBreak } = REMEDIATIONS[id];
    return {
      id,
      ...ruleName(id),
      shortDescription: { text: title },
      fullDescription: {
        text: `A fix chokepoint recommends because it cuts attack paths to cluster-admin, node root or Secrets. Effort: ${effort}.`,
      },
      help: {
        text: `${title}. Apply the patch in the result. May break: ${mayBreak}`,
        markdown: `${title}.\n\nApply the patch in the result.\n\n**May break:** ${mayBreak}`,
      },
      helpUri: RISK_MODEL_URL,
      defaultConfiguration: { level: 'warning' },
      properties: {
        tags: ['security', 'kubernetes', 'fix'],
        'security-severity': FIX_SEVERITY,
        precision: 'high',
      },
    };
  });
}

/** Every rule: techniques, then remediations, each sorted by id. Results refer to them by index. */
export function sarifRules(): SarifRule[] {
  return [...techniqueRules(), ...remediationRules()];
}

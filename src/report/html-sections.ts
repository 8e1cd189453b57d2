/** The HTML report's text sections: the one thing for a manager, its patch, the plan with bars, risk by model. */
import type { PlanItem, Report } from './contract.js';
import { escapeHtml as h } from './html-escape.js';
import { grouped, managerSentence, pathHeadline, percentOf, removedShare } from './report-words.js';

/** A bar filled to `part / whole`. */
function bar(kind: 'risk' | 'effort', part: number, whole: number): string {
  const width = whole > 0 ? Math.max(1, Math.round((100 * part) / whole)) : 0;
  return `<span class="bar ${kind}"><span style="width:${width}%"></span></span>`;
}

/** Where the input came from, and what was read. */
export function headerHtml(report: Report): string {
  const source =
    report.source.type === 'cluster'
      ? `cluster ${report.source.server ?? ''}${report.source.identity ? ` as ${report.source.identity}` : ''}`
      : `${report.source.paths?.length ?? 0} file(s)`;
  const s = report.stats;
  return `<header><h1>chokepoint attack-path report</h1><div class="meta">chokepoint ${h(report.tool.version)} · ${h(source)} · ${s.objects} objects, ${s.workloads} workloads, ${s.identities} identities · ${report.gaps.length} gap(s)</div></header>`;
}

/** The gaps, first, so nobody misses that the scan is incomplete. */
export function gapsHtml(report: Report): string {
  if (report.gaps.length === 0) return '';
  const items = report.gaps.map((g) => `<li><code>${h(g.where)}</code>: ${h(g.message)}</li>`).join('');
  return `<section><div class="card gaps"><h2>The scan is incomplete</h2><p>These inputs could not be read; what follows leaves them out.</p><ul>${items}</ul></div></section>`;
}

function patchHtml(item: PlanItem): string {
  const also = item.also === undefined ? '' : `\n${item.also.kubectl}`;
  return (
    `<p>The exact change to <code>${h(item.target)}</code>${item.location === undefined ? '' : ` (${h(item.location)})`}, as a JSON Patch:</p>` +
    `<pre><code>${h(JSON.stringify(item.patch, null, 2))}</code></pre>` +
    `<p>Or, on the live cluster:</p><pre><code>${h(item.kubectl + also)}</code></pre>`
  );
}

/** The one thing: why it matters in plain words, the path it breaks, and the patch. */
export function oneThingHtml(report: Report): string {
  const item = report.oneThing;
  if (item === null) {
    return '<section><div class="card"><h2>The one thing</h2><p>No attack path reaches cluster-admin, node root or Secrets. Nothing to fix first.</p></div></section>';
  }
  const breaks =
    item.breaks === undefined
      ? ''
      : `<p>For example, today: ${h(pathHeadline(item.breaks))}.</p><ol>${item.breaks.steps.map((s) => `<li>${h(s.says)}</li>`).join('')}</ol>`;
  return (
    `<section><div class="card one-thing" id="one-thing"><h2>The one thing to do first</h2>` +
    `<p class="headline">${h(managerSentence(item, report.risk.total))}</p>` +
    `<p class="what"><strong>${h(item.title)}</strong> on <code>${h(item.target)}</code>. Effort: ${h(item.effort)}. ` +
    `Risk ${grouped(item.riskBefore)} → ${grouped(item.riskAfter)}. May break: ${h(item.mayBreak)}</p>` +
    `${breaks}${patchHtml(item)}</div></section>`
  );
}

/** The plan, with effort and risk-removed bars. */
export function planHtml(report: Report): string {
  if (report.plan.length === 0) return '';
  const maxHours = Math.max(...report.plan.map((i) => i.effortHours));
  const total = report.risk.total;
  const rows = report.plan
    .map(
      (item, i) =>
        `<tr><td class="num">${i + 1}</td><td>${h(item.title)}<br><code>${h(item.target)}</code>${item.also === undefined ? '' : ` + <code>${h(item.also.target)}</code>`}</td>` +
        `<td>${bar('effort', item.effortHours, maxHours)} <span class="num">${h(item.effort)} (${item.effortHours} h)</span></td>` +
        `<td>${bar('risk', item.riskBefore - item.riskAfter, total)} <span class="num">${removedShare(item, total)}</span></td>` +
        `<td class="num">${item.pathsCut}</td><td class="num">${grouped(item.riskAfter)}</td></tr>`,
    )
    .join('');
  return `<section><div class="card"><h2>The plan</h2><table id="plan"><thead><tr><th>#</th><th>Fix</th><th>Effort</th><th>Risk removed</th><th>Paths cut</th><th>Risk after</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

/** Risk per threat model, as bars of the total. */
export function riskHtml(report: Report): string {
  const total = report.risk.total;
  const rows = report.threatModels
    .map((tm) => {
      const risk = report.risk.byThreatModel[tm.name];
      const state = tm.enabled ? `${percentOf(risk, total)}` : 'off';
      return `<tr><td>${h(tm.name)}</td><td>${bar('risk', risk, total)}</td><td class="num">${grouped(risk)}</td><td class="num">${state}</td></tr>`;
    })
    .join('');
  return `<section><div class="card"><h2>Risk by threat model (total ${grouped(total)})</h2><table id="risk"><tbody>${rows}</tbody></table></div></section>`;
}

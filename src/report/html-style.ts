/** The HTML report's stylesheet, inlined so the file works offline. */
export const HTML_STYLE = `
:root { --ink: #1d232b; --muted: #5b6673; --line: #d9dee4; --bad: #c00000; --warn: #b35c00; --ok: #2f7d32; --bar: #3b6fb6; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f7f9; }
header, main > section { max-width: 1200px; margin: 0 auto; padding: 16px 24px; }
header { display: flex; justify-content: space-between; align-items: baseline; flex-wrap: wrap; gap: 8px; }
header h1 { font-size: 20px; margin: 0; }
header .meta { color: var(--muted); font-size: 13px; }
section h2 { font-size: 17px; margin: 8px 0 12px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; }
.one-thing { border-left: 6px solid var(--bad); }
.one-thing .headline { font-size: 19px; font-weight: 600; margin: 0 0 8px; }
.one-thing .what { margin: 0 0 8px; }
.gaps { border-left: 6px solid var(--warn); }
pre { background: #f0f2f5; border-radius: 6px; padding: 10px 12px; overflow-x: auto; font-size: 13px; margin: 8px 0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; font-size: 14px; }
th { color: var(--muted); font-weight: 600; }
.bar { background: #e8ecf1; border-radius: 3px; height: 10px; width: 140px; display: inline-block; vertical-align: middle; }
.bar > span { display: block; height: 10px; border-radius: 3px; background: var(--bar); }
.bar.risk > span { background: var(--bad); }
.bar.effort > span { background: var(--warn); }
.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.tag { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 10px; background: #fde2e2; color: var(--bad); }
.graph-wrap { display: grid; grid-template-columns: 1fr 340px; gap: 12px; }
#graph { height: 620px; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
#evidence { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; max-height: 620px; overflow-y: auto; font-size: 14px; }
#evidence ul { padding-left: 18px; }
.filters { display: flex; gap: 16px; flex-wrap: wrap; align-items: center; margin-bottom: 10px; font-size: 14px; }
.legend span { margin-right: 12px; }
.muted { color: var(--muted); }
@media (max-width: 900px) { .graph-wrap { grid-template-columns: 1fr; } }
`;

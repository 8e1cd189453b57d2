/** Escaping for the HTML report: text in elements and attributes, JSON and scripts inside `<script>`. */

/** Text safe in an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** JSON safe inside `<script type="application/json">`: no `<` that could close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** A script body that cannot end its `<script>` element early. */
export function scriptBody(source: string): string {
  return source.replaceAll(/<\/(script)/gi, '<\\/$1');
}

/**
 * The HTML report's own script (plain ES2017, runs in the browser): draws the attack graph with the inlined
 * cytoscape, shows a node's evidence on click, and filters the drawn paths by threat model and namespace.
 * It reads its data from the `chokepoint-graph` JSON element and builds the page with textContent only, so
 * no ref or evidence text is ever parsed as HTML.
 */
export const HTML_CLIENT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('chokepoint-graph').textContent);
  var container = document.getElementById('graph');
  var panel = document.getElementById('evidence');
  if (typeof cytoscape !== 'function' || data.nodes.length === 0) {
    container.textContent = data.nodes.length === 0 ? 'No attack path to draw.' : 'The graph library is not bundled in this report.';
    return;
  }
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var elements = data.nodes.map(function (n) {
    return { group: 'nodes', data: { id: n.id, label: n.label }, classes: [n.role, n.cut ? 'cut' : ''].join(' ').trim() };
  }).concat(data.edges.map(function (e) {
    return {
      group: 'edges',
      data: { id: 'edge:' + e.id, source: e.from, target: e.to, label: e.technique },
      classes: [e.removed ? 'removed' : '', e.cut ? 'cut' : ''].join(' ').trim()
    };
  }));
  // Roots are the nodes nothing leads to, so each path reads top-down from where the attacker starts.
  var targets = {};
  data.edges.forEach(function (e) { targets[e.to] = true; });
  var roots = data.nodes.filter(function (n) { return !targets[n.id]; }).map(function (n) { return n.id; });
  var cy = cytoscape({
    container: container,
    elements: elements,
    wheelSensitivity: 0.3,
    layout: { name: 'breadthfirst', directed: true, spacingFactor: 1.5, roots: roots },
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 8, 'text-wrap': 'wrap', 'text-max-width': 100, 'text-valign': 'bottom', 'text-margin-y': 4, 'background-color': '#3b6fb6', width: 22, height: 22 } },
      { selector: 'node.entry', style: { shape: 'round-rectangle', 'background-color': '#e08a1e' } },
      { selector: 'node.jewel', style: { shape: 'octagon', 'background-color': '#c00000', width: 30, height: 30 } },
      { selector: 'node.cut.highlight', style: { 'border-width': 3, 'border-color': '#c00000' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111' } },
      { selector: 'edge', style: { width: 2, 'line-color': '#9aa6b2', 'target-arrow-color': '#9aa6b2', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 7, color: '#5b6673', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
      { selector: 'edge.cut.highlight', style: { 'line-color': '#e58b8b', 'target-arrow-color': '#e58b8b' } },
      { selector: 'edge.removed.highlight', style: { width: 5, 'line-color': '#c00000', 'target-arrow-color': '#c00000', 'line-style': 'dashed' } },
      { selector: '.hidden', style: { display: 'none' } }
    ]
  });
  window.chokepointGraph = cy;

  function add(parent, tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    if (className) el.className = className;
    parent.appendChild(el);
    return el;
  }
  function showEvidence(id) {
    var node = byId[id];
    panel.textContent = '';
    add(panel, 'h3', node.label);
    add(panel, 'code', node.id, 'node-ref');
    if (node.namespace) add(panel, 'p', 'Namespace: ' + node.namespace, 'muted');
    add(panel, 'p', 'Threat models: ' + node.threatModels.join(', '), 'muted');
    if (node.cut) add(panel, 'p', 'The one thing cuts a path through this node.', 'tag');
    add(panel, 'h4', 'Evidence');
    var list = add(panel, 'ul');
    node.evidence.forEach(function (e) {
      var item = add(list, 'li');
      add(item, 'code', e.ref, 'evidence-ref');
      if (e.path) add(item, 'code', ' ' + e.path);
      add(item, 'div', e.says);
      if (e.location) add(item, 'div', e.location, 'muted');
    });
    if (node.evidence.length === 0) add(list, 'li', 'No evidence: a structural step.');
  }
  cy.on('tap', 'node', function (event) { showEvidence(event.target.id()); });

  var tmSelect = document.getElementById('filter-threat-model');
  var nsSelect = document.getElementById('filter-namespace');
  var highlight = document.getElementById('filter-highlight');
  function applyFilters() {
    var tm = tmSelect.value, ns = nsSelect.value;
    var shownNodes = {}, shownEdges = {};
    data.paths.forEach(function (p) {
      if (tm !== 'all' && p.threatModel !== tm) return;
      if (ns !== 'all' && !p.nodes.some(function (id) { return byId[id].namespace === ns; })) return;
      p.nodes.forEach(function (id) { shownNodes[id] = true; });
      p.edges.forEach(function (id) { shownEdges['edge:' + id] = true; });
    });
    cy.batch(function () {
      cy.elements().forEach(function (el) {
        var shown = el.isNode() ? shownNodes[el.id()] : shownEdges[el.id()];
        if (shown) el.removeClass('hidden'); else el.addClass('hidden');
        if (highlight.checked) el.addClass('highlight'); else el.removeClass('highlight');
      });
    });
  }
  [tmSelect, nsSelect, highlight].forEach(function (el) { el.addEventListener('change', applyFilters); });
  applyFilters();
})();
`;

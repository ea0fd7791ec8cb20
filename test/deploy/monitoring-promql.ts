// Reads PromQL the way Prometheus does (the Prometheus project's Lezer grammar) to check alert
// rules and dashboard queries against what the service exports.
import { parser } from '@prometheus-io/lezer-promql';

export interface ParsedQuery {
  /** Metric names the query selects (`name{…}` or `{__name__="name"}`). */
  metrics: string[];
  /** Offsets where the grammar found a syntax error (empty when the query parses). */
  errors: number[];
}

export function parsePromql(expr: string): ParsedQuery {
  const tree = parser.parse(expr);
  const metrics = new Set<string>();
  const errors: number[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.type.isError) errors.push(ref.from);
      if (ref.name === 'Identifier' && ref.node.parent?.name === 'VectorSelector')
        metrics.add(expr.slice(ref.from, ref.to));
      if (ref.name === 'UnquotedLabelMatcher') {
        const name = ref.node.getChild('LabelName');
        const value = ref.node.getChild('StringLiteral');
        if (name && value && ref.node.getChild('MatchOp')?.getChild('EqlSingle')) {
          if (expr.slice(name.from, name.to) === '__name__')
            metrics.add(expr.slice(value.from + 1, value.to - 1));
        }
      }
    },
  });
  return { metrics: [...metrics], errors };
}

/**
 * Metric names a Prometheus text exposition declares (its `# TYPE` lines, so a labelled counter
 * that has not counted yet is still there), with the series a histogram or summary adds.
 */
export function exportedMetricNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const line of exposition.split('\n')) {
    const m = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (!m) continue;
    const [, name, type] = m as unknown as [string, string, string];
    names.add(name);
    if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(name + s);
    if (type === 'summary') for (const s of ['_sum', '_count']) names.add(name + s);
  }
  return names;
}

/** Grafana's own interval variables, replaced by a plain duration so the query parses as PromQL. */
export function withoutGrafanaVariables(expr: string): string {
  return expr.replace(/\$\{?__(?:rate_interval|interval|range)\}?/g, '5m');
}

// Prometheus durations (model.ParseDuration): units largest first, each at most once.
const DURATION = /^(?:\d+y)?(?:\d+w)?(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?(?:\d+ms)?$/;

export function isPromDuration(s: unknown): boolean {
  return typeof s === 'string' && s !== '' && DURATION.test(s);
}

const SEVERITIES = new Set(['critical', 'warning', 'info']);

/** What `promtool check rules` would refuse, plus the house rules: severity, summary, runbook. */
export function ruleFileProblems(doc: unknown): string[] {
  const problems: string[] = [];
  const groups = (doc as { groups?: unknown })?.groups;
  if (!Array.isArray(groups) || groups.length === 0) return ['no groups'];
  const groupNames = new Set<string>();
  const alertNames = new Set<string>();
  for (const g of groups as Record<string, unknown>[]) {
    const gname = typeof g.name === 'string' ? g.name : '';
    if (!gname) problems.push('a group without a name');
    if (groupNames.has(gname)) problems.push(`group ${gname} twice`);
    groupNames.add(gname);
    if (g.interval !== undefined && !isPromDuration(g.interval)) problems.push(`${gname}: bad interval`);
    if (!Array.isArray(g.rules) || g.rules.length === 0) {
      problems.push(`${gname}: no rules`);
      continue;
    }
    for (const r of g.rules as Record<string, unknown>[]) {
      const alert = typeof r.alert === 'string' ? r.alert : '';
      const where = `${gname}/${alert || '?'}`;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alert)) problems.push(`${where}: alert name missing or invalid`);
      if (alertNames.has(alert)) problems.push(`${where}: alert name used twice`);
      alertNames.add(alert);
      for (const k of Object.keys(r))
        if (!['alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'].includes(k))
          problems.push(`${where}: unknown field ${k}`);
      if (typeof r.expr !== 'string' || r.expr.trim() === '') problems.push(`${where}: no expr`);
      else if (parsePromql(r.expr).errors.length > 0) problems.push(`${where}: expr does not parse`);
      if (r.for !== undefined && !isPromDuration(r.for)) problems.push(`${where}: bad for ${String(r.for)}`);
      const labels = (r.labels ?? {}) as Record<string, unknown>;
      if (!SEVERITIES.has(String(labels.severity))) problems.push(`${where}: labels.severity missing`);
      const ann = (r.annotations ?? {}) as Record<string, unknown>;
      for (const k of ['summary', 'runbook'])
        if (typeof ann[k] !== 'string' || ann[k] === '') problems.push(`${where}: annotations.${k} missing`);
      for (const v of [...Object.values(labels), ...Object.values(ann)])
        if (String(v).split('{{').length !== String(v).split('}}').length)
          problems.push(`${where}: unbalanced template braces`);
    }
  }
  return problems;
}

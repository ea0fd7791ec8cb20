import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { startTestService, type TestService } from '../support/service.ts';
import {
  exportedMetricNames,
  parsePromql,
  ruleFileProblems,
  withoutGrafanaVariables,
} from './monitoring-promql.ts';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const rules = parse(read('deploy/prometheus/rules.yml')) as {
  groups: { name: string; rules: { alert: string; expr: string; annotations: Record<string, string> }[] }[];
};
const dashboard = JSON.parse(read('deploy/grafana/jorge-bots.json'));
const monitoringDoc = read('docs/MONITORING.md');
// Series Prometheus makes itself for every scrape target, not the service.
const PROMETHEUS_SERIES = new Set(['up']);

interface Panel {
  title?: string;
  type?: string;
  datasource?: { uid?: string };
  targets?: { expr?: string; datasource?: { uid?: string } }[];
  panels?: Panel[];
}
const allPanels = (ps: Panel[]): Panel[] => ps.flatMap((p) => [p, ...allPanels(p.panels ?? [])]);
const panelQueries = allPanels(dashboard.panels).flatMap((p) =>
  (p.targets ?? []).map((t) => ({
    where: `panel "${p.title}"`,
    expr: withoutGrafanaVariables(t.expr ?? ''),
  })),
);
const ruleQueries = rules.groups.flatMap((g) =>
  g.rules.map((r) => ({ where: `alert ${r.alert}`, expr: r.expr })),
);

describe('alert rules and dashboard query only what the service exports', () => {
  let tdb: TestDb;
  let svc: TestService;
  let exported: Set<string>;

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {}, { workers: false });
    const res = await fetch(`${svc.url}/metrics`);
    expect(res.status).toBe(200);
    exported = exportedMetricNames(await res.text());
  });
  afterAll(async () => {
    await svc?.stop();
    await tdb?.close();
  });

  it('every metric an alert rule or a dashboard panel selects is exported by /metrics', () => {
    expect(exported.has('jorge_webhooks_total')).toBe(true);
    const missing: string[] = [];
    for (const q of [...ruleQueries, ...panelQueries]) {
      const { metrics } = parsePromql(q.expr);
      expect(metrics.length, `${q.where} selects no metric`).toBeGreaterThan(0);
      for (const m of metrics)
        if (!exported.has(m) && !PROMETHEUS_SERIES.has(m)) missing.push(`${q.where}: ${m}`);
    }
    expect(missing).toEqual([]);
  });

  it('docs/MONITORING.md names every metric the service exports', () => {
    const undocumented = [...exported].filter(
      (m) => !/_(bucket|sum|count)$/.test(m) || !exported.has(m.replace(/_(bucket|sum|count)$/, '')),
    );
    expect(undocumented.filter((m) => !new RegExp(`\\b${m}\\b`).test(monitoringDoc))).toEqual([]);
  });
});

describe('alert rules pass a promtool-style check', () => {
  it('groups, rules, expressions, durations, severity, summary and runbook are all valid', () => {
    expect(ruleFileProblems(rules)).toEqual([]);
  });

  it('the issue asks for these alerts; each has a section in docs/MONITORING.md its runbook points at', () => {
    const alerts = rules.groups.flatMap((g) => g.rules);
    for (const name of [
      'JorgeWebhookAckSlow',
      'JorgeHttpErrorRate',
      'JorgeInboxBacklog',
      'JorgeInboxEventOld',
      'JorgeOutboxBacklog',
      'JorgeOutboxActionLate',
      'JorgeFollowUpOverdue',
      'JorgeCircuitOpen',
      'JorgeGhlRateLimited',
      'JorgeOptOutSpike',
      'JorgeEscalationUnanswered',
      'JorgeModelSpendHigh',
      'JorgeMessageDeliveryFailures',
      'JorgeCustomFieldProvisioningFailing',
    ])
      expect(alerts.map((a) => a.alert)).toContain(name);
    const headings = new Set(
      [...monitoringDoc.matchAll(/^#{2,4} (.+)$/gm)].map((m) =>
        (m[1] ?? '')
          .trim()
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    for (const a of alerts) {
      expect(a.annotations.runbook).toBe(`docs/MONITORING.md#${a.alert.toLowerCase()}`);
      expect(headings, `docs/MONITORING.md has no section ${a.alert}`).toContain(a.alert.toLowerCase());
    }
  });

  it('the check refuses what promtool would: a broken expression, a bad duration, a missing severity', () => {
    const rule = {
      alert: 'A',
      expr: 'up == 0',
      for: '5m',
      labels: { severity: 'warning' },
      annotations: { summary: 's', runbook: 'r' },
    };
    expect(ruleFileProblems({ groups: [{ name: 'g', rules: [rule] }] })).toEqual([]);
    const bad = (r: object) => ruleFileProblems({ groups: [{ name: 'g', rules: [{ ...rule, ...r }] }] });
    expect(bad({ expr: 'sum(rate(x[5m]) by (' })).toEqual(['g/A: expr does not parse']);
    expect(bad({ for: '5 minutes' })).toEqual(['g/A: bad for 5 minutes']);
    expect(bad({ labels: {} })).toEqual(['g/A: labels.severity missing']);
    expect(bad({ annotations: { summary: 's' } })).toEqual(['g/A: annotations.runbook missing']);
    expect(ruleFileProblems({ groups: [] })).toEqual(['no groups']);
  });

  it('metric names come from selectors only, not functions, aggregations or label names', () => {
    expect(
      parsePromql(
        'histogram_quantile(0.99, sum by (le, bucket) (rate(a_seconds_bucket{job="x"}[5m]))) > on() group_left max(b) and {__name__="c_total"} offset 1h',
      ),
    ).toEqual({ metrics: ['a_seconds_bucket', 'b', 'c_total'], errors: [] });
  });
});

describe('Grafana provisioning', () => {
  it('the dashboard and every panel use the provisioned Prometheus data source, and every query parses', () => {
    const ds = parse(read('deploy/grafana/provisioning/datasources/prometheus.yml'));
    const uid = ds.datasources[0].uid;
    expect(ds.datasources[0]).toMatchObject({ type: 'prometheus', url: 'http://prometheus:9090' });
    const panels = allPanels(dashboard.panels).filter((p) => p.type !== 'row');
    expect(panels.length).toBeGreaterThan(20);
    for (const p of panels) {
      expect(p.datasource?.uid, p.title).toBe(uid);
      for (const t of p.targets ?? []) expect(t.datasource?.uid, p.title).toBe(uid);
    }
    for (const q of panelQueries) expect(parsePromql(q.expr).errors, q.where).toEqual([]);
    const provider = parse(read('deploy/grafana/provisioning/dashboards/jorge-bots.yml'));
    // docker-compose.yml mounts deploy/grafana at this path.
    expect(provider.providers[0].options.path).toBe('/var/lib/grafana/dashboards/jorge');
  });
});

describe('Prometheus scrape configs find the replicas', () => {
  it('the compose config scrapes every service replica of docker-compose.yml and loads rules.yml', () => {
    const prom = parse(read('deploy/prometheus/prometheus.yml'));
    const compose = parse(read('docker-compose.yml'));
    // The replicas are the services jorge-1, jorge-2, … (the migrate job and the fake GHL are not).
    const replicas = Object.keys(compose.services)
      .filter((name) => /^jorge-\d+$/.test(name))
      .map((name) => `${name}:3000`);
    expect(replicas.length).toBeGreaterThanOrEqual(2);
    const job = prom.scrape_configs.find((j: { job_name: string }) => j.job_name === 'jorge-bots');
    expect(job.static_configs.flatMap((c: { targets: string[] }) => c.targets).sort()).toEqual(
      replicas.sort(),
    );
    expect(prom.rule_files).toEqual(['rules.yml']);
  });

  it.each(['deployment.yaml', 'worker-deployment.yaml'])(
    'the Kubernetes config keeps the pods of %s (its label and annotations)',
    (file) => {
      const prom = parse(read('deploy/prometheus/prometheus-kubernetes.yml'));
      const pod = parse(read(`deploy/kubernetes/base/${file}`)).spec.template.metadata;
      const job = prom.scrape_configs.find((j: { job_name: string }) => j.job_name === 'jorge-bots');
      const keep = (label: string) =>
        job.relabel_configs.find(
          (r: { action?: string; source_labels?: string[] }) =>
            r.action === 'keep' && r.source_labels?.[0] === label,
        )?.regex;
      expect(pod.labels['app.kubernetes.io/name']).toMatch(
        new RegExp(`^${keep('__meta_kubernetes_pod_label_app_kubernetes_io_name')}$`),
      );
      expect(pod.annotations['prometheus.io/scrape']).toMatch(
        new RegExp(`^${keep('__meta_kubernetes_pod_annotation_prometheus_io_scrape')}$`),
      );
      expect(pod.annotations['prometheus.io/path']).toBe('/metrics');
      expect(pod.annotations['prometheus.io/port']).toBe('3000');
    },
  );
});

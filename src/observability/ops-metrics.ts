import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * Metrics an operator alerts on: HTTP answers, backlogs read from the database at each scrape
 * (the same value on every replica: aggregate them with max, not sum) and opt-outs.
 */
export function createOpsMetrics(registry: Registry) {
  const httpRequests = new Counter({
    name: 'jorge_http_requests_total',
    help: 'HTTP requests answered, by route template (unmatched for none), method and status code.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'jorge_http_request_duration_seconds',
    help: 'Time from request received to answer sent, by route template and method (for /webhooks/ghl: the ack latency GHL sees).',
    labelNames: ['route', 'method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const inboxOldestAge = new Gauge({
    name: 'jorge_inbox_oldest_age_seconds',
    help: 'Age of the oldest accepted event not yet processed (0 when none).',
    registers: [registry],
  });
  const outboxOldestDue = new Gauge({
    name: 'jorge_outbox_oldest_due_seconds',
    help: 'How long the oldest outbox action that is due to be sent (not held for quiet hours, a cap or a retry delay) has been waiting (0 when none).',
    registers: [registry],
  });
  const followUpsOverdue = new Gauge({
    name: 'jorge_follow_ups_overdue',
    help: 'Pending follow-ups whose due time has passed.',
    registers: [registry],
  });
  const followUpOldestOverdue = new Gauge({
    name: 'jorge_follow_up_oldest_overdue_seconds',
    help: 'How long past its due time the oldest pending follow-up is (0 when none is due).',
    registers: [registry],
  });
  const escalationsOpen = new Gauge({
    name: 'jorge_escalations_open',
    help: 'Human-review escalations not yet resolved.',
    registers: [registry],
  });
  const escalationOldestOpen = new Gauge({
    name: 'jorge_escalation_oldest_open_age_seconds',
    help: 'Age of the oldest unresolved human-review escalation (0 when none).',
    registers: [registry],
  });
  const optOuts = new Counter({
    name: 'jorge_opt_outs_total',
    help: 'Contacts opted out, by source (keyword: the lead texted STOP or the like; dnd: GHL reported do not disturb switched on).',
    labelNames: ['source'] as const,
    registers: [registry],
  });
  return {
    httpRequests,
    httpDuration,
    inboxOldestAge,
    outboxOldestDue,
    followUpsOverdue,
    followUpOldestOverdue,
    escalationsOpen,
    escalationOldestOpen,
    optOuts,
  };
}

export type OpsMetrics = ReturnType<typeof createOpsMetrics>;

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { createMeshMetrics } from '../app/language-model/mesh/mesh-metrics.ts';
import { createCacheMetrics } from './cache-metrics.ts';
import { createOpsMetrics } from './ops-metrics.ts';

/** All Prometheus metrics of one service instance, on their own registry (no module singletons). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const webhooks = new Counter({
    name: 'jorge_webhooks_total',
    help: 'Webhook deliveries by outcome (accepted, duplicate, ignored, unauthorized, stale, invalid, overloaded).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const webhookMessagesIgnored = new Counter({
    name: 'jorge_webhook_messages_ignored_total',
    help: 'Inbound messages not answered, by channel (call, voicemail, facebook, instagram, whatsapp, gmb, live_chat, other, none, sms, email) and reason (channel: not answered on it; no_channel: none named; no_text: attachments only or empty).',
    labelNames: ['channel', 'reason'] as const,
    registers: [registry],
  });
  const turnDuration = new Histogram({
    name: 'jorge_turn_duration_seconds',
    help: 'Time to process one inbound message into state, transcript and outbox, by bot.',
    labelNames: ['bot'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const endToEnd = new Histogram({
    name: 'jorge_reply_latency_seconds',
    help: 'From webhook receipt to the reply being handed to the CRM.',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const crmCalls = new Counter({
    name: 'jorge_crm_calls_total',
    help: 'Calls to the CRM by operation and HTTP status (or network_error/timeout).',
    labelNames: ['operation', 'status'] as const,
    registers: [registry],
  });
  const crmCallDuration = new Histogram({
    name: 'jorge_crm_call_duration_seconds',
    help: 'CRM call latency by operation.',
    labelNames: ['operation'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const rateLimitWaits = new Counter({
    name: 'jorge_rate_limit_waits_total',
    help: 'Times a CRM call waited for the per-location rate budget.',
    registers: [registry],
  });
  const rateLimitWaitSeconds = new Counter({
    name: 'jorge_rate_limit_wait_seconds_total',
    help: 'Total seconds CRM calls spent waiting for the rate budget.',
    registers: [registry],
  });
  const ghlDailyBudgetRemaining = new Gauge({
    name: 'jorge_ghl_daily_budget_remaining',
    help: 'GHL requests left in the rolling day per location (the lower of our count and X-RateLimit-Daily-Remaining).',
    labelNames: ['location'] as const,
    registers: [registry],
  });
  const inboundNotAnswered = new Counter({
    name: 'jorge_inbound_not_answered_total',
    help: 'Inbound messages recorded but answered by no bot, by reason (staff_sender: from a member of staff).',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const crmRetries = new Counter({
    name: 'jorge_crm_retries_total',
    help: 'CRM call retries by operation.',
    labelNames: ['operation'] as const,
    registers: [registry],
  });
  const followUps = new Counter({
    name: 'jorge_follow_ups_total',
    help: 'Follow-up steps taken, by step (day3/day7/day14/day30), status (sent, skipped, pending) and reason.',
    labelNames: ['step', 'status', 'reason'] as const,
    registers: [registry],
  });
  const messageDelivery = new Counter({
    name: 'jorge_ghl_message_delivery_total',
    help: 'Delivery reports (OutboundMessage webhooks) of outbound messages, by GHL status (pending, delivered, failed, undelivered, read…) and sender (bot: ours; other: workflows, campaigns, people).',
    labelNames: ['status', 'sender'] as const,
    registers: [registry],
  });
  const modelCalls = new Counter({
    name: 'jorge_model_calls_total',
    help: 'Language-model calls by task, agent and outcome (used; rejected, timeout, error, breaker_open and offline all mean the offline answer went out).',
    labelNames: ['task', 'agent', 'outcome'] as const,
    registers: [registry],
  });
  const modelTokens = new Counter({
    name: 'jorge_model_tokens_total',
    help: 'Language-model tokens by model and kind (input, output, cache_read, cache_write).',
    labelNames: ['model', 'kind'] as const,
    registers: [registry],
  });
  const modelCostUsd = new Counter({
    name: 'jorge_model_cost_usd_total',
    help: 'Estimated language-model spend in US dollars (list prices), by model.',
    labelNames: ['model'] as const,
    registers: [registry],
  });
  const modelLatency = new Histogram({
    name: 'jorge_model_call_duration_seconds',
    help: 'Language-model call latency by task.',
    labelNames: ['task'] as const,
    buckets: [0.1, 0.25, 0.5, 1, 1.5, 2, 3, 5, 10],
    registers: [registry],
  });
  const featureEnabled = new Gauge({
    name: 'jorge_feature_enabled',
    help: 'Feature flags: 1 when the flag is on.',
    labelNames: ['flag'] as const,
    registers: [registry],
  });
  const mesh = createMeshMetrics(registry);
  const ops = createOpsMetrics(registry);
  const mcpCalls = new Counter({
    name: 'jorge_mcp_calls_total',
    help: 'Calls from the bots to external MCP tools, by server, tool and outcome (ok, error, timeout).',
    labelNames: ['server', 'tool', 'outcome'] as const,
    registers: [registry],
  });
  const outboxResults = new Counter({
    name: 'jorge_outbox_actions_total',
    help: 'Outbox actions finished, by kind and result (sent, retry, failed, deduplicated).',
    labelNames: ['kind', 'result'] as const,
    registers: [registry],
  });
  const queueClaims = new Counter({
    name: 'jorge_queue_claims_total',
    help: 'Claim rounds of the inbox worker and the outbox drainer, by queue (inbox, outbox) and result (rows, empty): each round is a database statement, and many empty ones mean idle polling.',
    labelNames: ['queue', 'result'] as const,
    registers: [registry],
  });
  const outboxDepth = new Gauge({
    name: 'jorge_outbox_depth',
    help: 'Outbox actions not yet sent.',
    registers: [registry],
  });
  const outboxOldestAge = new Gauge({
    name: 'jorge_outbox_oldest_age_seconds',
    help: 'Age of the oldest unsent outbox action.',
    registers: [registry],
  });
  const inboxDepth = new Gauge({
    name: 'jorge_inbox_depth',
    help: 'Accepted events not yet processed.',
    registers: [registry],
  });
  const inboxDeadLetters = new Counter({
    name: 'jorge_inbox_dead_letters_total',
    help: 'Inbox events given up and parked, by reason: failed (the turn threw each time), crashed (started and never finished), overrun (past TURN_BUDGET_MS).',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const turnOverruns = new Counter({
    name: 'jorge_turn_overruns_total',
    help: 'Turns abandoned for running past TURN_BUDGET_MS (each counts as an attempt of its event).',
    registers: [registry],
  });
  const circuitState = new Gauge({
    name: 'jorge_circuit_state',
    help: 'Circuit breaker per outside dependency: 0 closed, 1 half-open, 2 open.',
    labelNames: ['dependency'] as const,
    registers: [registry],
  });
  const circuitTransitions = new Counter({
    name: 'jorge_circuit_transitions_total',
    help: 'Circuit breaker changes of state per outside dependency, by the state entered (open, half_open, closed).',
    labelNames: ['dependency', 'state'] as const,
    registers: [registry],
  });
  const caches = createCacheMetrics(registry);
  return {
    registry,
    caches,
    circuitState,
    circuitTransitions,
    webhooks,
    webhookMessagesIgnored,
    turnDuration,
    endToEnd,
    crmCalls,
    crmCallDuration,
    rateLimitWaits,
    rateLimitWaitSeconds,
    ghlDailyBudgetRemaining,
    crmRetries,
    inboundNotAnswered,
    outboxResults,
    queueClaims,
    followUps,
    messageDelivery,
    modelCalls,
    modelTokens,
    modelCostUsd,
    modelLatency,
    featureEnabled,
    mesh,
    ops,
    mcpCalls,
    outboxDepth,
    outboxOldestAge,
    inboxDepth,
    inboxDeadLetters,
    turnOverruns,
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

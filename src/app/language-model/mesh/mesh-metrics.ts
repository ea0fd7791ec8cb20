import { Counter, Gauge, type Registry } from 'prom-client';

/** Prometheus metrics of the Agent Mesh, registered on the service's registry. */
export function createMeshMetrics(registry: Registry) {
  const routes = new Counter({
    name: 'jorge_mesh_routes_total',
    help: 'Model tasks routed by the Agent Mesh, by task, agent and reason (cheapest, highest_quality, spend_cap, no_agent, no_healthy_agent, all_busy).',
    labelNames: ['task', 'agent', 'reason'] as const,
    registers: [registry],
  });
  const calls = new Counter({
    name: 'jorge_mesh_calls_total',
    help: 'Model calls reported back to the Agent Mesh, by agent and outcome (ok, error).',
    labelNames: ['agent', 'outcome'] as const,
    registers: [registry],
  });
  const agentHealthy = new Gauge({
    name: 'jorge_mesh_agent_healthy',
    help: 'Agent Mesh agent in rotation (1) or out of it (0).',
    labelNames: ['agent'] as const,
    registers: [registry],
  });
  const agentInFlight = new Gauge({
    name: 'jorge_mesh_agent_in_flight',
    help: 'Model calls in flight per Agent Mesh agent.',
    labelNames: ['agent'] as const,
    registers: [registry],
  });
  const spendUsdHour = new Gauge({
    name: 'jorge_mesh_spend_usd_hour',
    help: 'Model spend in US dollars over the last hour, as the Agent Mesh counts it against its cap.',
    registers: [registry],
  });
  const spendUsd = new Counter({
    name: 'jorge_mesh_spend_usd_total',
    help: 'Model spend in US dollars reported to the Agent Mesh, by agent.',
    labelNames: ['agent'] as const,
    registers: [registry],
  });
  const spendCapped = new Gauge({
    name: 'jorge_mesh_spend_capped',
    help: '1 while the hourly spend cap is reached and every task goes to the offline engine.',
    registers: [registry],
  });
  return { routes, calls, agentHealthy, agentInFlight, spendUsdHour, spendUsd, spendCapped };
}

export type MeshMetrics = ReturnType<typeof createMeshMetrics>;

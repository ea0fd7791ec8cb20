import type { FastifyRequest } from 'fastify';
import { SANDBOX_LOCATION_ID } from '../../app/locations/sandbox.ts';
import type { OverviewData } from '../../ports/overview-read.ts';
import { ApiError } from '../errors.ts';
import { barChart, CHART_CSS, hBarChart } from './charts.ts';
import { html, type SafeHtml } from './escape.ts';
import { type DashboardDeps, type DashboardPage, PAGE_ROUTE, sendPage } from './page.ts';

const PERIODS = [7, 30, 90] as const;
const DAY_MS = 86_400_000;

/** "1.2 s", "3 min", "2.5 h": response times as a person reads them. */
export function duration(ms: number | null): string {
  if (ms === null) return 'no replies yet';
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

const usd = (v: number) => `$${v.toFixed(2)}`;
const whole = (v: number) => String(Math.round(v));

/** The Overview body: key numbers, then each chart with its text alternative. */
export function overviewBody(d: OverviewData, o: { days: number; sandbox: boolean }): SafeHtml {
  const leads = d.leadsByDay.reduce((s, x) => s + x.count, 0);
  const booked = d.appointmentsByDay.reduce((s, x) => s + x.count, 0);
  const spend = d.spendByDay.reduce((s, x) => s + x.usd, 0);
  const period = PERIODS.map(
    (p) => html`<option value="${p}"${p === o.days ? html` selected` : ''}>Last ${p} days</option>`,
  );
  return html`${CHART_CSS}<h1>Overview</h1>
<form method="get" action="/overview" class="filters">
<div><label for="o-days">Period</label><select id="o-days" name="days">${period}</select></div>
<div><label><input type="checkbox" name="sandbox" value="1"${o.sandbox ? html` checked` : ''}> Include simulator conversations</label></div>
<div><button type="submit">Show</button></div>
</form>
<h2 id="kpi-h">Last ${o.days} days</h2>
<ul class="kpis" aria-labelledby="kpi-h">
<li><strong>${leads}</strong> new leads</li>
<li><strong>${duration(d.responseTimes.p50Ms)}</strong> median response (90%: ${duration(d.responseTimes.p90Ms)}; ${d.responseTimes.count} replies)</li>
<li><strong>${booked}</strong> appointments booked</li>
<li><strong>${d.optOuts}</strong> opt-outs</li>
<li><strong>${usd(spend)}</strong> model spend</li>
</ul>
<h2>Leads</h2>
${barChart(
  d.leadsByDay.map((x) => ({ label: x.key, value: x.count })),
  { id: 'leads-day', title: 'New leads by day', format: whole },
)}
<div class="grid two">
<div>${hBarChart(
    d.leadsBySource.map((x) => ({ label: x.key, value: x.count })),
    { id: 'leads-source', title: 'Leads by source', format: whole },
  )}</div>
<div>${hBarChart(
    d.leadsByTemperature.map((x) => ({ label: x.key, value: x.count })),
    { id: 'leads-temp', title: 'Leads by temperature', format: whole },
  )}</div>
</div>
<h2>Qualification funnel</h2>
${hBarChart(
  [
    { label: 'New', value: d.funnel.new },
    { label: 'Engaged', value: d.funnel.engaged },
    { label: 'Qualified', value: d.funnel.qualified },
    { label: 'Booked', value: d.funnel.booked },
  ],
  { id: 'funnel', title: 'New → engaged → qualified → booked', format: whole, percentOfFirst: true },
)}
<p class="muted">Engaged: answered at least twice. Qualified: engaged and hot, or tagged qualified. Booked: has the appointment tag.</p>
<h2>Appointments booked</h2>
${barChart(
  d.appointmentsByDay.map((x) => ({ label: x.key, value: x.count })),
  { id: 'appts', title: 'Appointments booked by day', format: whole },
)}
<h2>Model spend</h2>
${barChart(
  d.spendByDay.map((x) => ({ label: x.key, value: x.usd })),
  { id: 'spend', title: 'Estimated model spend by day (USD)', format: usd },
)}`;
}

function parseQuery(q: Record<string, string | undefined>): { days: number; sandbox: boolean } {
  const raw = q.days ?? '30';
  const days = Number(raw);
  if (!(PERIODS as readonly number[]).includes(days))
    throw new ApiError('invalid_request', `days must be one of: ${PERIODS.join(', ')}`);
  const s = q.sandbox;
  if (s !== undefined && s !== '1' && s !== '')
    throw new ApiError('invalid_request', 'sandbox must be 1 or left out');
  return { days, sandbox: s === '1' };
}

/** GET /overview — leads, funnel, response times, appointments, opt-outs and spend, as SVG charts. */
export const overviewPage: DashboardPage = (scope, deps: DashboardDeps) => {
  const read = deps.dashboardOps?.overview;
  if (!read) return;
  scope.get('/overview', PAGE_ROUTE, async (req: FastifyRequest, reply) => {
    const o = parseQuery(req.query as Record<string, string | undefined>);
    const now = deps.clock.now();
    const data = await read.overview({
      from: new Date(now.getTime() - o.days * DAY_MS),
      to: now,
      timezone: deps.config.TIMEZONE,
      excludeLocation: o.sandbox ? null : SANDBOX_LOCATION_ID,
      tags: deps.escalation.tags,
    });
    return sendPage(reply, req, { title: 'Overview', current: 'overview', body: overviewBody(data, o) });
  });
};

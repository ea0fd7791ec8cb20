import type { Db } from '../../ports.ts';
import { planEachRun } from './db.ts';
import type { Count, OverviewData, OverviewQuery, OverviewRead } from '../../ports/overview-read.ts';

const DAY_MS = 86_400_000;
/** Response times are measured on the period's most recent lead messages (a page must stay fast with 200,000). */
export const RESPONSE_SAMPLE = 300;

/** Every local day from `from` to `to`, so a chart shows the quiet days too. */
function days(from: Date, to: Date, timezone: string): string[] {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const out: string[] = [];
  for (let t = from.getTime(); t <= to.getTime() + DAY_MS - 1; t += DAY_MS) {
    const d = fmt.format(new Date(Math.min(t, to.getTime())));
    if (out[out.length - 1] !== d) out.push(d);
  }
  return out;
}

interface LeadGroup {
  day: string;
  source: string;
  temperature: string;
  total: number | string;
  engaged: number | string;
  qualified: number | string;
  booked: number | string;
}

const counted = (rows: { key: string | null; n: number | string }[]): Count[] =>
  rows.map((r) => ({ key: r.key ?? 'unknown', count: Number(r.n) }));

const fill = (all: string[], rows: Count[]): Count[] => {
  const by = new Map(rows.map((r) => [r.key, r.count]));
  return all.map((key) => ({ key, count: by.get(key) ?? 0 }));
};

/**
 * The Overview read model on PostgreSQL/PGlite. $1/$2 the period, $3 the zone, $4 the location
 * left out (or null). Each query reads only the period's rows through a created_at condition.
 */
export function createOverviewRead(given: Db): OverviewRead {
  // Periods, filters and ranges: planned on each run's values (db.ts).
  const db = planEachRun(given);
  return {
    async overview(q: OverviewQuery): Promise<OverviewData> {
      const base = [q.from, q.to, q.timezone, q.excludeLocation];
      const loc = (alias: string) => `($4::text IS NULL OR ${alias}.location_id <> $4)`;
      const leads = `FROM contacts c LEFT JOIN conversations v ON v.location_id = c.location_id AND v.contact_id = c.id
        WHERE c.created_at >= $1 AND c.created_at <= $2 AND ${loc('c')}`;
      // One pass over the period's leads: grouped by day, source and temperature, with the funnel's
      // stages counted alongside (the page adds the groups up).
      const [leadRows, rt, appts, optOuts, spend] = await Promise.all([
        db.query<LeadGroup>(
          `SELECT to_char((c.created_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day,
                  COALESCE(NULLIF(c.custom_fields ->> 'source', ''), 'unknown') AS source,
                  COALESCE(lower(v.state ->> 'temperature'), 'none') AS temperature,
                  count(*) AS total,
                  count(*) FILTER (WHERE COALESCE((v.state ->> 'inbound')::int, 0) >= 2) AS engaged,
                  count(*) FILTER (WHERE COALESCE((v.state ->> 'inbound')::int, 0) >= 2 AND (lower(v.state ->> 'temperature') = 'hot'
                     OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(c.tags) t(v) WHERE lower(t.v) IN (lower($5), lower($6))))) AS qualified,
                  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(c.tags) t(v) WHERE lower(t.v) = lower($7))) AS booked
             ${leads} GROUP BY 1, 2, 3`,
          [...base, q.tags.sellerQualified, q.tags.buyerQualified, q.tags.appointmentBooked],
        ),
        db.query<{ n: number; p50: number | null; p90: number | null }>(
          `SELECT count(*) AS n,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
                  percentile_cont(0.9) WITHIN GROUP (ORDER BY ms) AS p90
             FROM (SELECT EXTRACT(EPOCH FROM (o.created_at - m.created_at)) * 1000 AS ms
                     FROM messages m
                     CROSS JOIN LATERAL (SELECT created_at FROM messages o
                        WHERE o.location_id = m.location_id AND o.contact_id = m.contact_id
                          AND o.id > m.id AND o.direction = 'outbound' ORDER BY o.id LIMIT 1) o
                    WHERE m.id IN (SELECT i.id FROM messages i
                                    WHERE i.direction = 'inbound' AND i.created_at >= $1 AND i.created_at <= $2
                                      AND ${loc('i')} AND $3::text IS NOT NULL
                                    ORDER BY i.id DESC LIMIT ${RESPONSE_SAMPLE})) x`,
          base,
        ),
        db.query<{ key: string; n: number }>(
          `SELECT to_char((COALESCE(o.sent_at, o.created_at) AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS key, count(*) AS n
             FROM outbox o WHERE o.kind = 'book_appointment' AND o.status = 'sent'
              AND o.created_at >= $1 AND o.created_at <= $2 AND ${loc('o')} GROUP BY 1`,
          base,
        ),
        db.query<{ n: number }>(
          `SELECT count(*) AS n FROM audit_log a WHERE a.action = 'tcpa_opt_out'
              AND a.at >= $1 AND a.at <= $2 AND ${loc('a')} AND $3::text IS NOT NULL`,
          base,
        ),
        db.query<{ key: string; usd: string | number }>(
          `SELECT to_char((u.created_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS key, sum(u.cost_usd) AS usd
             FROM model_usage u WHERE u.created_at >= $1 AND u.created_at <= $2 AND ${loc('u')} GROUP BY 1`,
          base,
        ),
      ]);
      const all = days(q.from, new Date(q.to.getTime() - 1), q.timezone);
      const sum = (key: (g: LeadGroup) => string) => {
        const m = new Map<string, number>();
        for (const g of leadRows.rows) m.set(key(g), (m.get(key(g)) ?? 0) + Number(g.total));
        return [...m].map(([k, count]) => ({ key: k, count }));
      };
      const total = (f: keyof Pick<LeadGroup, 'total' | 'engaged' | 'qualified' | 'booked'>) =>
        leadRows.rows.reduce((n, g) => n + Number(g[f]), 0);
      const r = rt.rows[0];
      const spendBy = new Map(spend.rows.map((x) => [x.key, Number(x.usd)]));
      return {
        leadsByDay: fill(
          all,
          sum((g) => g.day),
        ),
        leadsBySource: sum((g) => g.source)
          .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
          .slice(0, 12),
        leadsByTemperature: sum((g) => g.temperature).sort((a, b) => a.key.localeCompare(b.key)),
        funnel: {
          new: total('total'),
          engaged: total('engaged'),
          qualified: total('qualified'),
          booked: total('booked'),
        },
        responseTimes: {
          count: Number(r?.n ?? 0),
          p50Ms: r?.p50 === null || r?.p50 === undefined ? null : Number(r.p50),
          p90Ms: r?.p90 === null || r?.p90 === undefined ? null : Number(r.p90),
        },
        appointmentsByDay: fill(all, counted(appts.rows)),
        optOuts: Number(optOuts.rows[0]?.n ?? 0),
        spendByDay: all.map((key) => ({ key, usd: spendBy.get(key) ?? 0 })),
      };
    },
  };
}

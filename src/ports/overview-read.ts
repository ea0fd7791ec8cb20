// The Overview page: how the bots are doing over a period.
// PostgreSQL/PGlite: adapters/postgres/overview-read.ts.

export interface OverviewQuery {
  from: Date;
  to: Date;
  /** IANA zone the days are counted in (TIMEZONE). */
  timezone: string;
  /** Leave the sandbox's practice conversations out (the default on the page). */
  excludeLocation: string | null;
  /** Configurable tag names the funnel reads. */
  tags: { sellerQualified: string; buyerQualified: string; appointmentBooked: string };
}

export interface Count {
  key: string;
  count: number;
}

export interface OverviewData {
  /** New leads per local day (YYYY-MM-DD), every day of the period, zeros included. */
  leadsByDay: Count[];
  leadsBySource: Count[];
  leadsByTemperature: Count[];
  /** new ⊇ engaged (answered at least twice) ⊇ qualified (hot or tagged qualified) ⊇ booked. */
  funnel: { new: number; engaged: number; qualified: number; booked: number };
  /** Time from a lead's message to the next message we sent them (the period's latest 300 lead messages). */
  responseTimes: { count: number; p50Ms: number | null; p90Ms: number | null };
  appointmentsByDay: Count[];
  optOuts: number;
  /** Estimated model spend (USD) per local day, zeros included. */
  spendByDay: { key: string; usd: number }[];
}

export interface OverviewRead {
  overview(q: OverviewQuery): Promise<OverviewData>;
}

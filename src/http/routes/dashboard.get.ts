import type { DashboardPage } from '../dashboard/page.ts';
import { PAGE_ROUTE } from '../dashboard/page.ts';

/** GET / — the dashboard opens on the inbox (sign-in first when JORGE_API_TOKEN is set). */
export const dashboardHomePage: DashboardPage = (scope) => {
  scope.get('/', PAGE_ROUTE, async (_req, reply) => reply.redirect('/inbox', 303));
};

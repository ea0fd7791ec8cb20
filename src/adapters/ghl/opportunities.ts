import type { OpportunityInput } from '../../ports.ts';
import { type GhlHttp, ghlVersions } from './http.ts';
import { asObj, requireString } from './read.ts';

export function createOpportunityOps(http: GhlHttp) {
  return {
    /** Upsert, not create: GHL matches by contact + pipeline, so a retried call cannot duplicate it. */
    async upsertOpportunity(locationId: string, input: OpportunityInput): Promise<{ id: string }> {
      const res = await http.request<unknown>({
        op: 'upsertOpportunity',
        method: 'POST',
        path: '/opportunities/upsert',
        version: ghlVersions.opportunities,
        locationId,
        json: { ...input, locationId },
      });
      return { id: requireString(asObj(asObj(res).opportunity).id, 'upsertOpportunity', 'opportunity.id') };
    },
  };
}

import type { GhlInstalls } from '../adapters/ghl-oauth/installs.ts';
import type { FieldProvisioner } from '../app/outbox/provision-custom-fields.ts';
import type { Crm } from '../ports.ts';

/**
 * Marketplace installs that also set the location up: once a location's tokens are stored (the
 * OAuth callback, or an INSTALL event minted from an agency token) its custom fields are created in
 * the background, as a single location's are at start. The realtor finds them in GHL right after
 * installing (for smart lists and workflows), and a lead's first reply does not wait behind about
 * eighteen set-up calls in the location's request budget. A failure is logged by the provisioner
 * ("custom fields of location … are not ready") and the first write to the location tries again.
 */
export function withFieldSetUp(
  installs: GhlInstalls,
  deps: { fields: FieldProvisioner; crm: Crm },
): GhlInstalls {
  const setUp = (locationId: string) => {
    deps.fields.ensure(deps.crm, locationId).catch(() => undefined);
  };
  return {
    async completeInstall(code) {
      const done = await installs.completeInstall(code);
      if (done.userType === 'Location') setUp(done.resourceId);
      return done;
    },
    async handleAppEvent(payload) {
      const result = await installs.handleAppEvent(payload);
      const locationId = typeof payload.locationId === 'string' ? payload.locationId.trim() : '';
      if (payload.type === 'INSTALL' && result?.status === 'installed' && locationId !== '')
        setUp(locationId);
      return result;
    },
    serves: (locationId) => installs.serves(locationId),
  };
}

// The shop's distribution and attribution settings (collection shop_settings, id 'distribution'),
// over the defaults in domain/distribution.ts. Staff change them on the admin page.
import { DEFAULT_DISTRIBUTION, type DistributionSettings } from '../../../domain/distribution';
import { findById } from '../infra/db';

export const DISTRIBUTION_SETTINGS_ID = 'distribution';

export async function distributionSettings(): Promise<DistributionSettings> {
  const stored = await findById<Partial<DistributionSettings>>(
    'shop_settings',
    DISTRIBUTION_SETTINGS_ID,
  );
  const { _id, ...fields } = (stored ?? {}) as Partial<DistributionSettings> & { _id?: string };
  return { ...DEFAULT_DISTRIBUTION, ...fields };
}

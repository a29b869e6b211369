// The local cloud's settings from environment variables (documented in the README).
import path from 'node:path';
import type { CloudOptions } from './cloud';
import type { Latency } from './database/executor';
import { SEED, SEED_ENV_ID, SEED_TIME } from './seed/catalog';
import { renderProductImage } from './seed/images';
import { fileIdFor } from './storage/file-storage';
import { seedCampaigns, seedCouponTemplates } from './seed/campaigns';
import { regularBuyerOrders, withOrderTotals } from './seed/orders';

export const DEFAULT_CLOUD_PORT = 8787;
export const DEFAULT_WEB_PORT = 8686;

const num = (value: string | undefined) =>
  value === undefined || value === '' ? undefined : Number(value);

/**
 * CLOUD_DB_LATENCY_MS: milliseconds >= 0, or a range `min-max` each request's wait is drawn from
 * (a typo must not silently mean 0).
 */
function latency(value: string | undefined): Latency {
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(value ?? '');
  if (range && Number(range[1]) <= Number(range[2])) return [Number(range[1]), Number(range[2])];
  const ms = num(value) ?? 0;
  if (!Number.isFinite(ms) || ms < 0)
    throw new Error(
      `CLOUD_DB_LATENCY_MS must be milliseconds >= 0 or a range like 5-40, got "${value}"`,
    );
  return ms;
}

export interface EnvDefaults {
  /** Load the demo shop into empty collections unless CLOUD_SEED says otherwise. */
  seedByDefault?: boolean;
  qrBaseUrl?: string;
}

export function cloudOptionsFromEnv(root: string, defaults: EnvDefaults = {}): CloudOptions {
  const env = process.env;
  const seed = env.CLOUD_SEED ? env.CLOUD_SEED === 'demo' : !!defaults.seedByDefault;
  return {
    dataDir: path.resolve(root, env.CLOUD_DATA_DIR || '.data'),
    functionDirs: (env.CLOUD_FUNCTION_DIRS || 'dist/cloudfunctions')
      .split(':')
      .map((d) => path.resolve(root, d)),
    port: num(env.CLOUD_PORT) ?? DEFAULT_CLOUD_PORT,
    appid: env.CLOUD_APPID,
    envId: env.CLOUD_ENV_ID,
    payRetryBaseMs: num(env.CLOUD_PAY_RETRY_MS),
    qrBaseUrl: env.CLOUD_QR_BASE_URL ?? defaults.qrBaseUrl,
    maxBodyBytes: num(env.CLOUD_MAX_BODY_BYTES),
    dbLatencyMs: latency(env.CLOUD_DB_LATENCY_MS),
    seed: seed ? demoSeed(Date.now(), env.CLOUD_ENV_ID || undefined) : undefined,
    seedFiles: seed ? demoSeedFiles() : undefined,
  };
}

/**
 * The demo shop: catalog, users and staff, the regular buyer's orders, and campaigns timed from
 * now. Its pictures' file ids name `envId`'s bucket (demoSeedFiles has their content).
 */
export function demoSeed(now: number, envId = SEED_ENV_ID): CloudOptions['seed'] {
  const orders = regularBuyerOrders();
  const docs = {
    ...SEED,
    users: SEED.users.map((u) => withOrderTotals(u, orders)),
    orders,
    // The stock ledger opens with each SKU's seeded stock, so it sums to the stock in hand.
    stock_logs: SEED.skus.map((sku) => ({
      _id: `open-${sku._id}`,
      skuId: sku._id,
      kind: 'OPENING',
      delta: sku.stock,
      before: 0,
      after: sku.stock,
      reason: '期初库存',
      by: 'seed',
      at: SEED_TIME,
    })),
    campaigns: seedCampaigns(now),
    coupon_templates: seedCouponTemplates(now),
  };
  const repointed =
    envId === SEED_ENV_ID
      ? docs
      : JSON.parse(
          JSON.stringify(docs).replaceAll(fileIdFor(SEED_ENV_ID, ''), fileIdFor(envId, '')),
        );
  return repointed as unknown as CloudOptions['seed'];
}

/** The demo pictures, by cloud path (drawn as SVG by seed/images.ts). */
export function demoSeedFiles(): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  const prefix = fileIdFor(SEED_ENV_ID, '');
  for (const product of SEED.products)
    for (const id of product.images) {
      const svg = renderProductImage(id.slice(id.lastIndexOf('/') + 1));
      if (svg) files[id.slice(prefix.length)] = Buffer.from(svg);
    }
  return files;
}

// An assist used by its starter's order (domain/assist.ts): taken by one conditional update (not
// used, not held by another order, not past its deadline), so an assist buys one order; an unpaid
// order that is cancelled gives it back; paying uses it up.
import type { Claim } from '../../../domain/campaigns/types';
import type { Assist } from '../../../domain/assist';
import { _, findById, updateWhere } from '../infra/db';
import type { ClaimKind } from './kind';

type AssistClaim = Extract<Claim, { kind: 'ASSIST_USE' }>;

export const assistUseClaims: ClaimKind<AssistClaim> = {
  kind: 'ASSIST_USE',
  shared: () => true,
  whenLost: 'ASSIST_UNAVAILABLE',

  async take(claim, { orderId, at }) {
    const taken = await updateWhere(
      'assists',
      {
        _id: claim.assistId,
        status: _.in(['ACTIVE', 'REACHED']),
        orderId: _.exists(false),
        expiresAt: _.gt(at),
      },
      { orderId },
    );
    if (taken) return 'taken';
    const assist = await findById<Assist>('assists', claim.assistId);
    return assist?.orderId === orderId ? 'taken' : 'gone';
  },

  async release(claim, orderId) {
    await updateWhere(
      'assists',
      { _id: claim.assistId, orderId, status: _.neq('USED') },
      { orderId: _.remove() },
    );
  },

  async consume(claim, orderId) {
    await updateWhere('assists', { _id: claim.assistId, orderId }, { status: 'USED' });
  },

  // A refunded order does not give the assist back: it was bought.
  async onRefund() {},
};

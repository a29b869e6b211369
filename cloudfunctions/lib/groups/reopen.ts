// A group member's refund that WeChat Pay closed after accepting it: the member is settled again
// (the timer's group job) under the next attempt's request id.
import { _, updateWhere } from '../infra/db';

export async function reopenGroupRefund(groupId: string, orderId: string): Promise<void> {
  await updateWhere(
    'groups',
    { _id: groupId, members: _.elemMatch({ orderId, settled: true }) },
    {
      'members.$.settled': _.remove(),
      'members.$.refundAttempts': _.inc(1),
      unsettledCount: _.inc(1),
    },
  );
}

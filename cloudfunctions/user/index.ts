// user: login on app launch (create or update the user, remember where the visit came from),
// and the signed-in user's profile.
import { userInputs } from '../../domain/api/inputs';
import type { Entry, Staff, User } from '../../domain/model';
import { AppError } from '../../domain/result';
import { findById } from '../lib/infra/db';
import { action, createHandler } from '../lib/infra/router';
import {
  ensureUser,
  issueSignupPack,
  recordTouch,
  unusedCouponCount,
  userView,
} from '../lib/users/users';

export const main = createHandler({
  login: action({
    input: userInputs.login,
    async run(input, ctx) {
      const entry: Entry = {
        at: ctx.now,
        ...(input.ref ? { ref: input.ref } : {}),
        ...(input.scene ? { scene: input.scene } : {}),
        ...(input.path ? { path: input.path } : {}),
      };
      const user = await ensureUser(ctx.openid, ctx.unionid, entry);
      // Every entry through a share or a QR code is kept: attribution decides later who binds.
      if (entry.ref || entry.scene) await recordTouch(ctx.openid, entry);
      await issueSignupPack(user, ctx.now);
      return userView(
        user,
        await findById<Staff>('staff', ctx.openid),
        await unusedCouponCount(ctx.openid, ctx.now),
      );
    },
  }),
  me: action({
    input: userInputs.me,
    async run(_input, ctx) {
      const user = await findById<User>('users', ctx.openid);
      if (!user) throw new AppError('NOT_LOGGED_IN');
      return userView(
        user,
        await findById<Staff>('staff', ctx.openid),
        await unusedCouponCount(ctx.openid, ctx.now),
      );
    },
  }),
});

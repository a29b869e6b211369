// The opt-in ledger (collection optins, id `<openid>:<templateId>`): how many unused one-time
// opt-ins a user gave for a template. The app reports what wx.requestSubscribeMessage answered
// after a tap; each accept adds one (a report is counted once: its id is remembered). A send
// uses one by a conditional decrement (never below zero, so two sends cannot share one);
// WeChat's 43101 (the user has none left) zeroes it. "Always" choices are recorded as WeChat
// reports them (accept keeps adding one per ask, reject means no more asks show).
import { _, findById, insertOnce, updateWhere } from '../infra/db';

export interface OptIn {
  _id: string;
  openid: string;
  templateId: string;
  count: number;
  /** The user ticked 总是保持以上选择: their standing answer. */
  always?: 'accept' | 'reject';
  /** The latest reports counted (a repeat of one adds nothing). */
  reportIds: string[];
  updatedAt: number;
}

const REMEMBERED = 50;

export const optInId = (openid: string, templateId: string) => `${openid}:${templateId}`;

/** Accepting answers: 'accept' and the variants newer clients report. */
export const isAccept = (answer: string) => answer === 'accept' || answer.startsWith('acceptWith');

/** Counts one accept once per report id. */
export async function grantOptIn(
  openid: string,
  templateId: string,
  reportId: string,
  always: 'accept' | 'reject' | undefined,
  at: number,
): Promise<void> {
  const id = optInId(openid, templateId);
  for (let attempt = 0; attempt < 5; attempt++) {
    const updated = await updateWhere(
      'optins',
      { _id: id, reportIds: _.neq(reportId) },
      {
        count: _.inc(1),
        reportIds: _.push({ each: [reportId], slice: -REMEMBERED }),
        updatedAt: at,
        ...(always ? { always } : {}),
      },
    );
    if (updated) return;
    const doc: OptIn = {
      _id: id,
      openid,
      templateId,
      count: 1,
      reportIds: [reportId],
      updatedAt: at,
      ...(always ? { always } : {}),
    };
    if (await insertOnce('optins', { ...doc })) return;
    const current = await findById<OptIn>('optins', id);
    if (current?.reportIds.includes(reportId)) return; // counted already
  }
  throw new Error(`could not count the opt-in ${id}`);
}

/** Records a refusal the user made standing ("always reject"): nothing to count. */
export async function recordRefusal(openid: string, templateId: string, at: number) {
  const id = optInId(openid, templateId);
  if (await updateWhere('optins', { _id: id }, { always: 'reject', updatedAt: at })) return;
  await insertOnce('optins', {
    _id: id,
    openid,
    templateId,
    count: 0,
    always: 'reject',
    reportIds: [],
    updatedAt: at,
  });
}

/** Uses one opt-in; false when there is none (then nothing may be sent). */
export async function useOptIn(openid: string, templateId: string, at: number): Promise<boolean> {
  const used = await updateWhere(
    'optins',
    { _id: optInId(openid, templateId), count: _.gt(0) },
    { count: _.inc(-1), updatedAt: at },
  );
  return used === 1;
}

/** WeChat said the user has no opt-in left (43101): the count was wrong, so it is zeroed. */
export async function zeroOptIn(openid: string, templateId: string, at: number): Promise<void> {
  await updateWhere('optins', { _id: optInId(openid, templateId) }, { count: 0, updatedAt: at });
}

// QR codes with parameters (wxacode.getUnlimited). A code's `scene` is a short id (share_codes)
// that stands for the page, its parameters, and the sharer or staff's channel. Every code opens
// the home page (released, so WeChat accepts it), and the launch sends the shopper on to the
// page it stands for. Codes are made once: the first caller claims the making (a conditional
// update), calls WeChat once, keeps the image in cloud storage and records its file id; everyone
// after reuses it. WeChat's rate limit (45009) is reported, not retried in a loop.
import { createHash } from 'node:crypto';
import type { ShareCode } from '../../../domain/model';
import { AppError } from '../../../domain/result';
import { SHARE_PAGES, targetPage, type ShareTarget } from '../../../domain/share';
import { cloud } from '../infra/cloud';
import { _, findById, insertOnce, updateWhere } from '../infra/db';

/** A maker that died is taken over after this long. */
const MAKING_STALE_MS = 30_000;
/** How long a caller waits for someone else's making before asking to try again. */
const WAIT_STEPS = 20;
const WAIT_MS = 250;

/** A user's code for a target: the same target and sharer always give the same scene. */
export function userScene(target: ShareTarget, sharerId: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([target, sharerId]))
    .digest('base64url')
    .replace(/[-_]/g, '')
    .slice(0, 14);
  return `s.${digest}`;
}

/** The code's document, created once. */
export async function ensureCode(code: ShareCode): Promise<ShareCode> {
  if (await insertOnce('share_codes', { ...code })) return code;
  return (await findById<ShareCode>('share_codes', code._id))!;
}

export function userCode(target: ShareTarget, sharerId: string, at: number): ShareCode {
  const { page, params } = targetPage(target);
  return {
    _id: userScene(target, sharerId),
    page,
    params,
    sharerId,
    createdAt: at,
    createdBy: sharerId,
  };
}

/** The code's image (a cloud file id), made on first use. */
export async function codeImage(code: ShareCode, at: number): Promise<string> {
  if (code.fileId) return code.fileId;
  const claimed = await updateWhere(
    'share_codes',
    {
      _id: code._id,
      fileId: _.exists(false),
      makingSince: _.or(_.exists(false), _.lte(at - MAKING_STALE_MS)),
    },
    { makingSince: at },
  );
  if (!claimed) return waitForImage(code._id);
  try {
    const qr = await cloud.openapi.wxacode.getUnlimited({
      scene: code._id,
      page: SHARE_PAGES.home,
      checkPath: false,
      width: 430,
    });
    const { fileID } = await cloud.uploadFile({
      cloudPath: `share-codes/${code._id.replace(/[^0-9A-Za-z-]/g, '_')}.png`,
      fileContent: Buffer.from(qr.buffer),
    });
    await updateWhere(
      'share_codes',
      { _id: code._id },
      { fileId: fileID, makingSince: _.remove() },
    );
    return fileID;
  } catch (e) {
    await updateWhere('share_codes', { _id: code._id }, { makingSince: _.remove() });
    if (e instanceof AppError) throw e;
    const errCode = Number((e as { errCode?: number }).errCode ?? -1);
    console.error('wxacode.getUnlimited', code._id, errCode, (e as Error).message);
    throw new AppError(errCode === 45009 ? 'QR_RATE_LIMITED' : 'QR_FAILED');
  }
}

async function waitForImage(id: string): Promise<string> {
  for (let i = 0; i < WAIT_STEPS; i++) {
    await new Promise((r) => setTimeout(r, WAIT_MS));
    const current = await findById<ShareCode>('share_codes', id);
    if (current?.fileId) return current.fileId;
    if (!current?.makingSince) break; // the maker failed: let the caller try again
  }
  throw new AppError('QR_FAILED');
}

/** A URL the browser (and the poster's canvas) can load a cloud file from. */
export async function fileUrl(fileId: string): Promise<string> {
  const { fileList } = (await cloud.getTempFileURL({ fileList: [fileId] })) as {
    fileList: { tempFileURL?: string }[];
  };
  return fileList[0]?.tempFileURL ?? '';
}

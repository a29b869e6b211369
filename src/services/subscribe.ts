// Asking for subscription-message opt-ins, right in a tap (WeChat shows its dialog only then, or
// in a payment's callback): the template ids came with the launch, so nothing waits on the cloud
// before wx.requestSubscribeMessage. What the user answered is reported to the notice function,
// which counts the accepted ones. In the browser build a stand-in dialog records the same choice.
import Taro from '@tarojs/taro';
import { api } from './api';
import { userStore } from '../stores/user';

export type Asked = 'accepted' | 'declined' | 'unavailable';

const newReportId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

async function answersInWeChat(ids: string[]): Promise<Record<string, string> | null> {
  if (typeof wx === 'undefined' || typeof wx.requestSubscribeMessage !== 'function') return null;
  try {
    const res = (await wx.requestSubscribeMessage({ tmplIds: ids } as never)) as unknown as Record<
      string,
      string
    >;
    return Object.fromEntries(ids.map((id) => [id, String(res[id] ?? 'reject')]));
  } catch {
    return null; // the dialog could not show (main switch off, too many...): nothing to count
  }
}

async function answersInBrowser(ids: string[], what: string): Promise<Record<string, string>> {
  const { confirm } = await Taro.showModal({
    title: '订阅消息',
    content: `允许本店发送「${what}」通知？（浏览器演示：代替微信的订阅弹窗，每次允许可收到一条）`,
    confirmText: '允许',
    cancelText: '拒绝',
  });
  return Object.fromEntries(ids.map((id) => [id, confirm ? 'accept' : 'reject']));
}

/** Asks for up to 3 notice kinds' opt-ins; `what` names them for the browser's dialog. */
export async function askForNotices(kinds: string[], what: string): Promise<Asked> {
  const ids = kinds
    .slice(0, 3)
    .map((k) => userStore.noticeTemplates[k])
    .filter(Boolean);
  if (ids.length === 0) return 'unavailable';
  const answers =
    process.env.TARO_ENV === 'h5' ? await answersInBrowser(ids, what) : await answersInWeChat(ids);
  if (!answers) return 'unavailable';
  const res = await api.subscribeNotices(newReportId(), answers, false);
  const accepted = Object.values(answers).some((a) => a === 'accept' || a.startsWith('acceptWith'));
  return res.ok && accepted ? 'accepted' : 'declined';
}

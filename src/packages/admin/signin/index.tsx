// Opened by scanning the admin's sign-in QR code with the mini-program: the staff member confirms
// that the browser showing the code may act as them (for 8 hours, or until they sign out).
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { entryFrom } from '../../../services/entry';
import { confirmSignin } from '../admin-api';
import '../admin.scss';

/** The code in the QR's scene (`a=<code>`), as WeChat delivers it (URL-encoded). */
function codeFrom(params: Record<string, string | undefined>): string {
  const scene = entryFrom({ query: params }).scene ?? '';
  return new URLSearchParams(scene).get('a') ?? '';
}

export default function AdminSigninPage() {
  const { params } = useRouter();
  const code = codeFrom(params);
  const [state, setState] = useState<{ done: boolean; message: string }>({
    done: false,
    message: '',
  });
  const confirm = async () => {
    const res = await confirmSignin(code);
    setState(
      res.ok
        ? { done: true, message: '已登录，请回到电脑上继续操作' }
        : { done: false, message: res.message },
    );
  };
  return (
    <View className="page admin-signin-page">
      <Text className="admin-title">登录电脑端店铺管理</Text>
      <Text className="muted">确认后，电脑上的浏览器将以你的身份管理店铺 8 小时，可随时退出。</Text>
      {state.message ? (
        <Text className={state.done ? 'admin-signin-done' : 'admin-error'}>{state.message}</Text>
      ) : null}
      {!state.done ? (
        <View
          className={`btn admin-signin-confirm${code ? '' : ' disabled'}`}
          onClick={() => code && void confirm()}
        >
          确认登录
        </View>
      ) : null}
    </View>
  );
}

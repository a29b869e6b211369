import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { keepSession, signinApi } from '../session';
import './SigninPanel.scss';

/**
 * A desktop browser without a staff session: a QR code to scan with the shop's mini-program
 * (staff confirm there), refreshed when it expires; once confirmed, the session is kept.
 */
export function SigninPanel({ onSignedIn }: { onSignedIn: () => void }) {
  const [signin, setSignin] = useState<{ code: string; qr: string; expiresAt: number } | null>(
    null,
  );
  const [error, setError] = useState('');
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (code: string, expiresAt: number) => {
      if (!live) return;
      if (Date.now() >= expiresAt) return setRound((r) => r + 1);
      const { status, result } = await signinApi
        .poll(code)
        .catch(() => ({ status: 0, result: null }));
      if (!live) return;
      if (result?.ok && result.data.status === 'SIGNED_IN') {
        keepSession(result.data.token);
        return onSignedIn();
      }
      if (status === 410) return setRound((r) => r + 1);
      timer = setTimeout(() => void poll(code, expiresAt), 1500);
    };
    void signinApi.start().then(
      ({ result }) => {
        if (!live) return;
        if (!result.ok) return setError(result.message);
        setSignin(result.data);
        timer = setTimeout(() => void poll(result.data.code, result.data.expiresAt), 1500);
      },
      () => setError('连接不上店铺后台，请稍后重试'),
    );
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [round, onSignedIn]);

  return (
    <View className="signin-panel">
      <Text className="signin-title">扫码登录店铺管理</Text>
      <Text className="muted">用店铺小程序扫描二维码，并在手机上确认登录</Text>
      {error ? <Text className="signin-error">{error}</Text> : null}
      {signin ? <Image className="signin-qr" src={signin.qr} mode="aspectFit" /> : null}
    </View>
  );
}

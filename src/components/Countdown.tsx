import { useEffect, useState } from 'react';
import { Text } from '@tarojs/components';

/** Time left until `until` (epoch ms), ticking every second: "02:15:09", or "1天 02:15:09". */
export function Countdown({ until, prefix = '' }: { until: number; prefix?: string }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.floor((until - now) / 1000));
  const days = Math.floor(left / 86_400);
  const p = (n: number) => String(n).padStart(2, '0');
  const clock = `${p(Math.floor((left % 86_400) / 3600))}:${p(Math.floor((left % 3600) / 60))}:${p(left % 60)}`;
  return (
    <Text className="countdown">
      {prefix}
      {days > 0 ? `${days}天 ` : ''}
      {clock}
    </Text>
  );
}

import { Text, View } from '@tarojs/components';
import './StateView.scss';

/** Loading, error (with the server's message and a retry) and empty states, one look everywhere. */
export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="state state-loading">
      <View className="state-spinner" />
      <Text className="state-text">{text}</Text>
    </View>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className="state state-error">
      <Text className="state-text">{message}</Text>
      {onRetry ? (
        <View className="btn small ghost state-action" onClick={onRetry}>
          重试
        </View>
      ) : null}
    </View>
  );
}

export function Empty({
  text,
  action,
  onAction,
}: {
  text: string;
  action?: string;
  onAction?: () => void;
}) {
  return (
    <View className="state state-empty">
      <View className="state-icon" />
      <Text className="state-text">{text}</Text>
      {action ? (
        <View className="btn small soft state-action" onClick={onAction}>
          {action}
        </View>
      ) : null}
    </View>
  );
}

import { Button, View } from '@tarojs/components';
import type { ShareTarget } from '@domain/share';
import { copyShareLink } from '../services/share-link';
import './ShareButton.scss';

/**
 * Shares the page: in WeChat the share sheet (the page's useShare card, carrying the sharer's
 * ref); in the browser build the same link, copied. Nothing is rewarded for sharing itself.
 */
export function ShareButton({
  target,
  label = '分享给好友',
  className = '',
}: {
  target: ShareTarget;
  label?: string;
  className?: string;
}) {
  if (process.env.TARO_ENV === 'h5')
    return (
      <View className={`share-button ${className}`} onClick={() => void copyShareLink(target)}>
        {label}
      </View>
    );
  return (
    <Button className={`share-button ${className}`} openType="share">
      {label}
    </Button>
  );
}

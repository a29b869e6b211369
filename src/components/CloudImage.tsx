import { useEffect, useState } from 'react';
import { Image, View, type ImageProps } from '@tarojs/components';
import { fileUrl, knownFileUrl } from '../services/files';

/**
 * An <Image> whose src may be a cloud storage file id: shown directly in WeChat, resolved to a
 * URL in the browser build (services/files.ts).
 */
export function CloudImage({ src, ...props }: ImageProps) {
  const [url, setUrl] = useState(() => knownFileUrl(src) ?? '');
  useEffect(() => {
    let current = true;
    const known = knownFileUrl(src);
    if (known !== undefined) setUrl(known);
    else void fileUrl(src).then((resolved) => current && setUrl(resolved));
    return () => {
      current = false;
    };
  }, [src]);
  // Until the URL is known, a placeholder of the same size: an <Image> with lazyLoad mounted
  // without a src fails in the browser build (Taro observes an element it has not drawn).
  if (!url) return <View className={props.className} />;
  return <Image {...props} src={url} />;
}

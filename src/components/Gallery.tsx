import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { CloudImage } from './CloudImage';
import './Gallery.scss';

/**
 * A product's pictures, swiped sideways one at a time, with "2/3". A paging scroll view rather
 * than <Swiper>: in the browser build Taro's Swiper brings the whole swiper library (44 KB
 * gzipped) into the chunk every page shares.
 */
export function Gallery({ images }: { images: string[] }) {
  const [index, setIndex] = useState(0);
  return (
    <View className="gallery">
      <ScrollView
        className="gallery-track"
        scrollX
        enhanced
        pagingEnabled
        showScrollbar={false}
        onScroll={(e) => {
          const { scrollLeft, scrollWidth } = e.detail;
          const width = scrollWidth / Math.max(1, images.length);
          setIndex(Math.min(images.length - 1, Math.round(scrollLeft / width)));
        }}
      >
        {images.map((src) => (
          <CloudImage key={src} className="gallery-image" src={src} mode="aspectFill" />
        ))}
      </ScrollView>
      {images.length > 1 ? (
        <Text className="gallery-count">{`${index + 1}/${images.length}`}</Text>
      ) : null}
    </View>
  );
}

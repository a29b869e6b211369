import { Text, View } from '@tarojs/components';
import './Stepper.scss';

/** A quantity stepper clamped to [min, max]. */
export function Stepper({
  value,
  min = 1,
  max,
  onChange,
}: {
  value: number;
  min?: number;
  max: number;
  onChange: (n: number) => void;
}) {
  const canDown = value > min;
  const canUp = value < max;
  return (
    <View className="stepper">
      <View
        className={`stepper-btn stepper-minus${canDown ? '' : ' off'}`}
        onClick={() => canDown && onChange(value - 1)}
      >
        −
      </View>
      <Text className="stepper-value">{value}</Text>
      <View
        className={`stepper-btn stepper-plus${canUp ? '' : ' off'}`}
        onClick={() => canUp && onChange(value + 1)}
      >
        +
      </View>
    </View>
  );
}

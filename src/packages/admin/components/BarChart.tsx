import { Text, View } from '@tarojs/components';
import './BarChart.scss';

/**
 * A small bar chart drawn with views (the same in the mini-program and the browser, no chart
 * library): one bar per value, scaled to the largest, its label under it and the value on hover
 * (title) and at the top of the tallest.
 */
export function BarChart({
  values,
  labels,
  format = String,
}: {
  values: number[];
  labels: string[];
  format?: (n: number) => string;
}) {
  const max = Math.max(1, ...values);
  return (
    <View className="bar-chart">
      <Text className="bar-chart-max">{format(Math.max(0, ...values))}</Text>
      <View className="bar-chart-bars">
        {values.map((v, i) => (
          <View key={labels[i]} className="bar-chart-column">
            <View
              className="bar-chart-bar"
              style={{ height: `${Math.round((v / max) * 100)}%` }}
              data-value={format(v)}
            />
          </View>
        ))}
      </View>
      <View className="bar-chart-labels">
        <Text>{labels[0]}</Text>
        <Text>{labels[labels.length - 1]}</Text>
      </View>
    </View>
  );
}

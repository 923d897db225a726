import { GaugeChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([GaugeChart, CanvasRenderer]);

/** A progress gauge (已投 n / 应投 m) for the big screen: gold arc on the red background. */
export function Gauge({
  value,
  max,
  size,
}: {
  readonly value: number;
  readonly max: number;
  readonly size: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    chart.current = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    return () => {
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const top = Math.max(1, max);
    chart.current?.setOption({
      animationDuration: 300,
      series: [
        {
          type: 'gauge',
          startAngle: 220,
          endAngle: -40,
          min: 0,
          max: top,
          radius: '96%',
          center: ['50%', '55%'],
          progress: { show: true, width: size / 11, roundCap: true, itemStyle: { color: '#ffd36b' } },
          axisLine: {
            lineStyle: { width: size / 11, color: [[1, 'rgba(255,255,255,0.16)']] },
            roundCap: true,
          },
          pointer: { show: false },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: { show: false },
          anchor: { show: false },
          title: { show: false },
          detail: {
            valueAnimation: true,
            offsetCenter: [0, '0%'],
            fontSize: size / 4.2,
            fontWeight: 'bold',
            color: '#ffffff',
            formatter: (v: number) => `${Math.round((v / top) * 100)}%`,
          },
          data: [{ value: Math.min(value, top) }],
        },
      ],
    });
  }, [value, max, size]);

  return (
    <div
      ref={ref}
      style={{ width: size, height: size }}
      data-testid="gauge"
      data-value={value}
      data-max={max}
    />
  );
}

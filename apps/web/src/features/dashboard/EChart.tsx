import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts-setup';

interface Props {
  option: ChartOption;
  height: number;
  /** Accessible summary: a canvas says nothing to a screen reader. */
  label: string;
  onItemClick?: (params: { name: string; data: unknown; dataIndex: number }) => void;
  testId?: string;
}

/** One ECharts instance bound to a div; resized with its container, disposed on unmount. */
export function EChart({ option, height, label, onItemClick, testId }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p: any) => clickRef.current?.({ name: p.name, data: p.data, dataIndex: p.dataIndex }));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={el} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}

/**
 * One chart, accessible: a `<figure>` with its caption, the drawing (an image named by `summary`)
 * and a visually hidden data table (`children`) for screen readers. ECharts itself is loaded on
 * first use (`import()` of echarts-setup.ts), so pages with charts stay light until drawn.
 */
import { Card, Spin, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { type CSSProperties, type ReactNode, useEffect, useId, useRef, useState } from 'react';

/** Hidden on screen, read by screen readers. */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

export interface EChartProps {
  /** the chart's visible title (its figure caption) */
  title: string;
  /** one or two sentences saying what the chart shows, as the drawing's accessible name */
  summary: string;
  option: EChartsCoreOption;
  height: number;
  /** the data as a table (kept visually hidden) */
  children?: ReactNode;
  /** shown instead of the drawing when there is nothing to draw */
  empty?: string;
}

export function EChart({ title, summary, option, height, children, empty }: EChartProps) {
  const captionId = useId();
  const el = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    const node = el.current;
    if (!node || empty) return;
    let disposed = false;
    let dispose = () => {};
    import('./echarts-setup.ts')
      .then(({ init }) => {
        if (disposed) return;
        const chart = init(node, undefined, { renderer: 'svg', locale: 'ZH' });
        chart.setOption(option);
        const observer = new ResizeObserver(() => chart.resize());
        observer.observe(node);
        dispose = () => {
          observer.disconnect();
          chart.dispose();
        };
        setState('ready');
      })
      .catch(() => {
        if (!disposed) setState('failed');
      });
    return () => {
      disposed = true;
      dispose();
    };
  }, [option, empty]);

  return (
    <Card size="small" title={<span id={captionId}>{title}</span>} style={{ height: '100%' }}>
      <figure aria-labelledby={captionId} style={{ margin: 0, position: 'relative' }}>
        {empty ? (
          <Typography.Text type="secondary">{empty}</Typography.Text>
        ) : (
          <>
            <div ref={el} role="img" aria-label={summary} style={{ width: '100%', height }} />
            {state === 'loading' && (
              <div style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }}>
                <Spin tip="正在绘制图表…">
                  <span />
                </Spin>
              </div>
            )}
            {state === 'failed' && <Typography.Text type="danger">图表未能加载，数据如下。</Typography.Text>}
          </>
        )}
        {!empty && <div style={state === 'failed' ? undefined : visuallyHidden}>{children}</div>}
      </figure>
    </Card>
  );
}

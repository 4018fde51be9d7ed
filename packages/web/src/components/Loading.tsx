import { Spin } from 'antd';

/** A page or panel still loading, announced to screen readers. */
export function Loading({ tip = '正在加载…' }: { tip?: string }) {
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status" aria-live="polite">
      <Spin />
      <div style={{ marginTop: 8, color: '#888' }}>{tip}</div>
    </div>
  );
}

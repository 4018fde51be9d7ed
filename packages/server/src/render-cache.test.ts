import { describe, expect, it } from 'vitest';
import { RenderCache, type RenderedFile } from './render-cache.ts';

const file = (n: number): RenderedFile => ({ bytes: new Uint8Array(n), mediaType: 'x/y', extension: 'y' });

describe('RenderCache', () => {
  it('renders a file once, also for requests that arrive while it renders', async () => {
    const cache = new RenderCache();
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 10));
      return file(10);
    };
    const all = await Promise.all(Array.from({ length: 20 }, () => cache.get('a', render)));
    expect(renders).toBe(1);
    expect(new Set(all).size).toBe(1);
    await cache.get('a', render);
    expect(renders).toBe(1);
  });

  it('does not keep a failed rendering', async () => {
    const cache = new RenderCache();
    await expect(cache.get('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(cache.stats.entries).toBe(0);
    await expect(cache.get('a', async () => file(1))).resolves.toMatchObject({ extension: 'y' });
  });

  it('drops the least recently used files beyond its size', async () => {
    const cache = new RenderCache(25);
    await cache.get('a', async () => file(10));
    await cache.get('b', async () => file(10));
    await cache.get('a', async () => file(10)); // a is now the most recent
    await cache.get('c', async () => file(10)); // 30 bytes: b goes
    expect(cache.stats).toEqual({ entries: 2, bytes: 20 });
    let rendered = false;
    await cache.get('b', async () => {
      rendered = true;
      return file(10);
    });
    expect(rendered).toBe(true);
  });
});

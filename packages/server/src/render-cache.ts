/**
 * Rendered files of documents that never change (published snapshots), kept per process: a public
 * download is rendered once per format, not on every request — the PDF writer is CPU work that
 * would hold up every other request, and anyone may ask for a publication. Safe in every process
 * at once: the key names an immutable document, so there is nothing to invalidate.
 *
 * Concurrent requests for the same file share one rendering (the pending promise is cached), and
 * the cache holds at most `maxBytes` of files, dropping the least recently used.
 */
export interface RenderedFile {
  bytes: Uint8Array;
  mediaType: string;
  extension: string;
}

export class RenderCache {
  private readonly entries = new Map<string, Promise<RenderedFile>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  /** The file for `key`, rendering it with `render` the first time; a failed rendering is not kept. */
  get(key: string, render: () => Promise<RenderedFile>): Promise<RenderedFile> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const pending = render().then(
      (file) => {
        this.sizes.set(key, file.bytes.byteLength);
        this.bytes += file.bytes.byteLength;
        this.evict(key);
        return file;
      },
      (e: unknown) => {
        this.entries.delete(key);
        throw e;
      },
    );
    this.entries.set(key, pending);
    return pending;
  }

  /** Files kept (settled or pending) and their bytes (settled), for tests and metrics. */
  get stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private evict(keep: string): void {
    for (const key of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) return;
      const size = this.sizes.get(key);
      if (key === keep || size === undefined) continue; // the newest, or still rendering
      this.entries.delete(key);
      this.sizes.delete(key);
      this.bytes -= size;
    }
  }
}

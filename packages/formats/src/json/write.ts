import { encodeDisclosure } from '@jixiao/core';
import { selectProjects } from '../select.ts';
import type { Writer } from '../types.ts';

/** The canonical `jixiao.disclosure/1` JSON, UTF-8, two-space indent. */
export const jsonWriter: Writer = {
  mediaType: 'application/json; charset=utf-8',
  extension: 'json',
  async write(disclosure, options) {
    const json = `${JSON.stringify(encodeDisclosure(selectProjects(disclosure, options)), null, 2)}\n`;
    return new TextEncoder().encode(json);
  },
};

/**
 * Page geometry from pdfjs: text runs with their boxes, and the ruling lines of tables, both in
 * viewport coordinates (points, origin top left, y downwards, page rotation applied).
 *
 * Only plain data goes in (pdfjs text items, an operator list, the OPS numbers), so this module does
 * not load pdfjs itself and can be tested on hand-made input.
 */

/** An affine matrix `[a, b, c, d, e, f]` as PDF and pdfjs write it. */
export type Matrix = readonly [number, number, number, number, number, number];

/** A piece of text as a PDF shows it, with its box on the page. */
export interface TextRun {
  str: string;
  x0: number;
  x1: number;
  /** top and bottom of the glyph box (ascent/descent estimated from the font size) */
  top: number;
  bottom: number;
  /** the baseline */
  base: number;
  /** font size in points */
  size: number;
  /** the text runs vertically (rotated 90°) */
  rotated: boolean;
}

/** A horizontal ruling line: `y`, from `a` to `b` (x). A vertical one: `x = y`, from `a` to `b` (y). */
export interface Rule {
  at: number;
  a: number;
  b: number;
}

/** The ruling lines of a page. */
export interface Rules {
  h: Rule[];
  v: Rule[];
}

/** The subset of a pdfjs text item that is read. */
export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** `outer ∘ inner`: the matrix that applies `inner` first, then `outer`. */
export function compose(outer: Matrix, inner: Matrix): Matrix {
  const [a, b, c, d, e, f] = outer;
  const [p, q, r, s, t, u] = inner;
  return [a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s, a * t + c * u + e, b * t + d * u + f];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/**
 * Text items → runs in viewport coordinates. Whitespace-only items are dropped: pdfjs invents them
 * for gaps, and where words are separated is measured again from the boxes.
 */
export function textRuns(items: readonly unknown[], viewport: Matrix): TextRun[] {
  const out: TextRun[] = [];
  for (const raw of items) {
    const it = raw as Partial<TextItemLike>;
    if (typeof it.str !== 'string' || !Array.isArray(it.transform) || it.str.trim() === '') continue;
    const t = it.transform as unknown as Matrix;
    const m = compose(viewport, t);
    // the text's direction and its "up" in the viewport
    const along = Math.hypot(m[0], m[1]) || 1;
    const size = Math.hypot(m[2], m[3]) || Math.abs(it.height ?? 0) || 1;
    const dx = m[0] / along;
    const dy = m[1] / along;
    // Text at a slant is a watermark (公开, 样张) or a stamp, never a cell's text.
    if (Math.abs(dx) > 0.1 && Math.abs(dy) > 0.1) continue;
    const width = (it.width ?? 0) * (Math.hypot(viewport[0], viewport[1]) || 1);
    const [ox, oy] = [m[4], m[5]];
    const ux = m[2] / size;
    const uy = m[3] / size;
    // glyph box: from the origin along the text by width, from 0.12 em below to 0.88 em above the baseline
    const xs: number[] = [];
    const ys: number[] = [];
    for (const [l, h] of [
      [0, -0.12],
      [0, 0.88],
      [1, -0.12],
      [1, 0.88],
    ] as const) {
      // "up" is the text matrix's second column, already turned by the viewport's y flip
      xs.push(ox + dx * width * l + ux * size * h);
      ys.push(oy + dy * width * l + uy * size * h);
    }
    const rotated = Math.abs(dx) < 0.5;
    out.push({
      str: it.str,
      x0: Math.min(...xs),
      x1: Math.max(...xs),
      top: Math.min(...ys),
      bottom: Math.max(...ys),
      base: rotated ? (Math.min(...ys) + Math.max(...ys)) / 2 : oy,
      size,
      rotated,
    });
  }
  return out;
}

/** The pdfjs `OPS` numbers this module reads (pass `pdfjs.OPS`). */
export interface OpsLike {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  moveTo: number;
  lineTo: number;
  curveTo: number;
  curveTo2: number;
  curveTo3: number;
  closePath: number;
  rectangle: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  endPath: number;
  setFillRGBColor: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Lines thinner than this (points) are rulings, whether stroked or filled as thin rectangles. */
const THIN = 3;

/**
 * Ruling lines from an operator list. Producers draw table borders in several ways — stroked lines
 * (pdfmake, LibreOffice), thin filled rectangles (Excel and WPS exports, report engines) or stroked
 * rectangles around each cell — so all three become horizontal and vertical rules. Curves, clipping
 * paths and white fills (page backgrounds, masks) are not rulings.
 */
export function rulings(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: OpsLike,
  viewport: Matrix,
  pageBox: { width: number; height: number },
): Rules {
  const h: Rule[] = [];
  const v: Rule[] = [];
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  let white = false;
  let pending: PathState = newPath();
  const pageArea = pageBox.width * pageBox.height;

  const addLine = (x0: number, y0: number, x1: number, y1: number) => {
    if (Math.abs(y0 - y1) <= 0.5 && Math.abs(x1 - x0) > 0.5)
      h.push({ at: (y0 + y1) / 2, a: Math.min(x0, x1), b: Math.max(x0, x1) });
    else if (Math.abs(x0 - x1) <= 0.5 && Math.abs(y1 - y0) > 0.5)
      v.push({ at: (x0 + x1) / 2, a: Math.min(y0, y1), b: Math.max(y0, y1) });
  };
  const addBox = (b: Box, filled: boolean) => {
    const w = b.x1 - b.x0;
    const hh = b.y1 - b.y0;
    if (w <= THIN && hh > THIN) addLine((b.x0 + b.x1) / 2, b.y0, (b.x0 + b.x1) / 2, b.y1);
    else if (hh <= THIN && w > THIN) addLine(b.x0, (b.y0 + b.y1) / 2, b.x1, (b.y0 + b.y1) / 2);
    else if (w > THIN && hh > THIN && !(filled && (white || w * hh > pageArea / 2))) {
      addLine(b.x0, b.y0, b.x1, b.y0);
      addLine(b.x0, b.y1, b.x1, b.y1);
      addLine(b.x0, b.y0, b.x0, b.y1);
      addLine(b.x1, b.y0, b.x1, b.y1);
    }
  };
  const paint = (filled: boolean, stroked: boolean) => {
    if (stroked) for (const [x0, y0, x1, y1] of pending.lines) addLine(x0, y0, x1, y1);
    else if (filled && !white) {
      // a filled polygon of axis-aligned edges drawn as a thin bar is a ruling too
      const b = boundsOf(pending.lines);
      if (b && (b.x1 - b.x0 <= THIN || b.y1 - b.y0 <= THIN)) addBox(b, true);
    }
    for (const r of pending.rects) addBox(r, filled && !stroked);
    pending = newPath();
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform && args) ctm = compose(ctm, args as unknown as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0];
      if (Array.isArray(m) && m.length === 6) ctm = compose(ctm, m as unknown as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.setFillRGBColor && args) white = isWhite(args);
    else if (fn === ops.constructPath && args) {
      const m = compose(viewport, ctm);
      collectPath(args[0] as ArrayLike<number>, args[1] as ArrayLike<number>, ops, m, pending);
    } else if (fn === ops.stroke || fn === ops.closeStroke) paint(false, true);
    else if (fn === ops.fill || fn === ops.eoFill) paint(true, false);
    else if (
      fn === ops.fillStroke ||
      fn === ops.eoFillStroke ||
      fn === ops.closeFillStroke ||
      fn === ops.closeEOFillStroke
    )
      paint(true, true);
    else if (fn === ops.endPath) pending = newPath();
  }
  return { h, v };
}

function boundsOf(lines: readonly [number, number, number, number][]): Box | null {
  if (lines.length === 0) return null;
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const [a, b, c, d] of lines) {
    // only axis-aligned polygons
    if (Math.abs(a - c) > 0.5 && Math.abs(b - d) > 0.5) return null;
    x0 = Math.min(x0, a, c);
    x1 = Math.max(x1, a, c);
    y0 = Math.min(y0, b, d);
    y1 = Math.max(y1, b, d);
  }
  return { x0, y0, x1, y1 };
}

/** pdfjs gives fill colours as `[r, g, b]` bytes (or, in some versions, a `#rrggbb` string). */
function isWhite(args: unknown[]): boolean {
  const first = args[0];
  if (typeof first === 'string') return /^#?f[ef]f[ef]f[ef]$/i.test(first);
  const rgb = args.length >= 3 ? args : (first as ArrayLike<number> | undefined);
  if (!rgb || (rgb as ArrayLike<unknown>).length < 3) return false;
  const c = rgb as ArrayLike<unknown>;
  return [c[0], c[1], c[2]].every((x) => typeof x === 'number' && x >= 245);
}

/** A path being built: its pieces so far and the current point (a path may span several ops). */
interface PathState {
  lines: [number, number, number, number][];
  rects: Box[];
  cx: number;
  cy: number;
  sx: number;
  sy: number;
}

function newPath(): PathState {
  return { lines: [], rects: [], cx: 0, cy: 0, sx: 0, sy: 0 };
}

/**
 * Walks a constructPath op: its sub-operations and their coordinates, transformed by `m`. pdfjs
 * starts a new op after any other operator, so a `moveTo` and its `lineTo` can arrive in two ops:
 * the current point is kept in the path state until the path is painted.
 */
function collectPath(
  subOps: ArrayLike<number>,
  coords: ArrayLike<number>,
  ops: OpsLike,
  m: Matrix,
  into: PathState,
): void {
  let k = 0;
  let { cx, cy, sx, sy } = into;
  const at = (j: number) => coords[j] ?? 0;
  for (let i = 0; i < subOps.length; i++) {
    const op = subOps[i];
    if (op === ops.moveTo) {
      [cx, cy] = apply(m, at(k), at(k + 1));
      [sx, sy] = [cx, cy];
      k += 2;
    } else if (op === ops.lineTo) {
      const [x, y] = apply(m, at(k), at(k + 1));
      into.lines.push([cx, cy, x, y]);
      [cx, cy] = [x, y];
      k += 2;
    } else if (op === ops.curveTo) {
      [cx, cy] = apply(m, at(k + 4), at(k + 5));
      k += 6;
    } else if (op === ops.curveTo2 || op === ops.curveTo3) {
      [cx, cy] = apply(m, at(k + 2), at(k + 3));
      k += 4;
    } else if (op === ops.closePath) {
      into.lines.push([cx, cy, sx, sy]);
      [cx, cy] = [sx, sy];
    } else if (op === ops.rectangle) {
      const x = at(k);
      const y = at(k + 1);
      const [ax, ay] = apply(m, x, y);
      const [bx, by] = apply(m, x + at(k + 2), y + at(k + 3));
      // a rectangle under rotation or skew stays a rectangle only for axis-aligned matrices
      into.rects.push({
        x0: Math.min(ax, bx),
        y0: Math.min(ay, by),
        x1: Math.max(ax, bx),
        y1: Math.max(ay, by),
      });
      [cx, cy] = [ax, ay];
      [sx, sy] = [ax, ay];
      k += 4;
    }
  }
  Object.assign(into, { cx, cy, sx, sy });
}

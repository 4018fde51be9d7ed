/** ANSI styling, or none: the report reads the same without color. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  underline(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

const ANSI: Style = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  underline: sgr(4, 24),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39),
  green: sgr(32, 39),
};

const same = (s: string) => s;
const PLAIN: Style = {
  bold: same,
  dim: same,
  underline: same,
  red: same,
  yellow: same,
  cyan: same,
  green: same,
};

/** The styling to use: ANSI when `color`, plain text otherwise. */
export function style(color: boolean): Style {
  return color ? ANSI : PLAIN;
}

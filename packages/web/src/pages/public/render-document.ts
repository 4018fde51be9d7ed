/**
 * The published document as the official printed layout, from the formats package's HTML renderer
 * (the same markup as the HTML download; every text escaped). Loaded with `import()` by the public
 * page only.
 */
import { Disclosure } from '@jixiao/core';
import { DISCLOSURE_CSS, renderDisclosureFragment } from '@jixiao/formats/html';

export type Rendered =
  | { ok: true; html: string; css: string; projects: { anchor: string; name: string }[] }
  | { ok: false; error: string };

/** The snapshot (wire JSON) decoded and rendered; `ok: false` when it does not decode. */
export function renderSnapshot(snapshot: unknown): Rendered {
  const parsed = Disclosure.safeParse(snapshot);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      error: `公开文件内容无法识别${first ? `（${first.path.join('.')}：${first.message}）` : ''}`,
    };
  }
  return {
    ok: true,
    html: renderDisclosureFragment(parsed.data),
    css: DISCLOSURE_CSS,
    // renderProjectHtml gives each project the id `project-N` (1-based)
    projects: parsed.data.projects.map((p, i) => ({ anchor: `project-${i + 1}`, name: p.form.name })),
  };
}

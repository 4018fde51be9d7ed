import type { Project } from '../../model/schema.ts';
import { defineDisclosureRule } from '../define-rule.ts';
import { findSection, projectLabel, projectPrefix, sectionPath } from '../util.ts';

/** A cited title: 《…》 (nested titles use 〈〉 or <>, so the outer pair is matched). */
const TITLE_RE = /《([^《》]{2,200})》/g;
const YEAR_RE = /(?:19|20)[0-9]{2}/g;
const HAS_YEAR_RE = /(?:19|20)[0-9]{2}/;
/** A document for one year: 《2021年度…考评细则》, 《关于做好2022年度…的通知》, 《2023年工作要点》. */
const YEAR_SCOPED_RE =
  /((?:19|20)[0-9]{2})\s*年度|((?:19|20)[0-9]{2})\s*年[^《》]*?(?:工作要点|工作计划|任务清单|考评|考核|申报)/;
/** Wording that differs between editions of one document without changing what it is. */
const EDITION_NOISE_RE = /我市|全市|本市|\s+/g;
/** Similarity (Dice on bigrams, years masked) above which two titles are editions of one document. */
const SAME_DOCUMENT = 0.75;
/** Candidate editions are found through the rarest bigrams a title shares: this many, postings capped. */
const RARE_GRAMS = 3;
const POSTING_CAP = 256;

/** A cited title carrying a year. */
interface Citation {
  title: string;
  /** normalised, years masked */
  key: string;
  /** the latest year in the title */
  year: number;
  project: number;
  /** path of the 立项依据 section */
  path: string;
}

function bigramSet(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * STALE-01 (heuristic): the 立项依据 cites a document scoped to a past year (「YYYY年度…」 with YYYY
 * before the year preceding the budget year), or an edition superseded by a newer one that another
 * project of the same disclosure cites. Standing laws and opinions, however old, are not stale.
 * A disclosure rule: supersession is found across projects, in one pass.
 */
export default defineDisclosureRule({
  id: 'STALE-01',
  slug: 'stale-basis',
  category: '可行性',
  severity: 'info',
  description: '立项依据不应引用过期的年度文件，或已被同一公开文本中较新版本取代的文件。',
  messages: {
    yearScoped: '{project}的立项依据引用了{year}年度的文件《{title}》，用于{budgetYear}年预算已过时。',
    superseded:
      '{project}的立项依据引用的《{title}》（{year}年）已有新版本《{newer}》（{newerYear}年，{newerProject}引用）。',
  },
  check({ disclosure, report }) {
    const cited: Citation[] = [];
    for (let i = 0; i < disclosure.projects.length; i++) citations(disclosure.projects[i]!, i, cited);
    const newer = supersessions(cited);
    for (const c of cited) {
      const p = disclosure.projects[c.project]!;
      const project = projectLabel(c.project, p);
      const by = newer.get(c.title);
      if (by) {
        report(
          'superseded',
          {
            project,
            title: c.title,
            year: c.year,
            newer: by.title,
            newerYear: by.year,
            newerProject: projectLabel(by.project, disclosure.projects[by.project]!),
          },
          c.path,
        );
        continue;
      }
      const scoped = YEAR_SCOPED_RE.exec(c.title);
      if (!scoped) continue;
      const year = Number(scoped[1] ?? scoped[2]);
      const budgetYear = p.form.year;
      if (year < budgetYear - 1) report('yearScoped', { project, title: c.title, year, budgetYear }, c.path);
    }
  },
});

/** Titles with a year cited in a project's 立项依据, each once, in citation order, added to `out`. */
function citations(project: Project, index: number, out: Citation[]): void {
  const basis = findSection(project, '立项依据');
  if (!basis?.section.text.includes('《')) return;
  const text = basis.section.text;
  let path = ''; // built for the first citation
  const from = out.length;
  TITLE_RE.lastIndex = 0;
  for (let m = TITLE_RE.exec(text); m !== null; m = TITLE_RE.exec(text)) {
    const title = m[1] ?? '';
    if (!HAS_YEAR_RE.test(title) || seenSince(out, from, title)) continue;
    let year = -Infinity;
    YEAR_RE.lastIndex = 0;
    for (let y = YEAR_RE.exec(title); y !== null; y = YEAR_RE.exec(title))
      year = Math.max(year, Number(y[0]));
    const key = title.replace(EDITION_NOISE_RE, '').replace(YEAR_RE, 'Y');
    path ||= projectPrefix(index) + sectionPath(basis.i);
    out.push({ title, key, year, project: index, path });
  }
}

/** Whether `title` is among `list[from…]` (a project cites a handful of titles). */
function seenSince(list: readonly Citation[], from: number, title: string): boolean {
  for (let k = from; k < list.length; k++) if (list[k]?.title === title) return true;
  return false;
}

/**
 * For each cited title, the newest edition of the same document cited anywhere in the disclosure,
 * when it is newer. Candidates are the titles sharing one of its rarest bigrams (editions share
 * their distinctive words), so the work stays linear in the number of citations.
 */
function supersessions(all: readonly Citation[]): Map<string, Citation> {
  const distinct = new Map<string, Citation>();
  for (const c of all) if (!distinct.has(c.title)) distinct.set(c.title, c);
  const titles = [...distinct.values()];
  const grams = titles.map((c) => bigramSet(c.key));
  const postings = new Map<string, number[]>();
  grams.forEach((gs, i) => {
    for (const g of gs) {
      if (g.includes('Y')) continue;
      const list = postings.get(g);
      if (!list) postings.set(g, [i]);
      else list.push(i);
    }
  });

  const out = new Map<string, Citation>();
  titles.forEach((a, i) => {
    const rare = [...grams[i]!]
      .filter((g) => (postings.get(g)?.length ?? 0) > 1) // shared with another title
      .sort((x, y) => postings.get(x)!.length - postings.get(y)!.length)
      .slice(0, RARE_GRAMS);
    for (const g of rare) {
      for (const j of postings.get(g)!.slice(0, POSTING_CAP)) {
        const b = titles[j]!;
        if (b.year <= a.year || dice(grams[i]!, grams[j]!) < SAME_DOCUMENT) continue;
        const best = out.get(a.title);
        if (!best || b.year > best.year) out.set(a.title, b);
      }
    }
  });
  return out;
}

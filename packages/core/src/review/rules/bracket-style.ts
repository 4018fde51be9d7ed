import { defineDisclosureRule } from '../define-rule.ts';
import { indicatorPath, projectPrefix } from '../util.ts';
import { projectId } from './_wording-util.ts';

type Style = 'full' | 'half' | 'mixed' | null;

const FULL_RE = /[（）]/;
const HALF_RE = /[()]/;
const ANY_RE = /[（）()]/;

function styleOf(name: string): Style {
  if (!ANY_RE.test(name)) return null; // most names: one search
  const full = FULL_RE.test(name);
  const half = HALF_RE.test(name);
  return full && half ? 'mixed' : full ? 'full' : half ? 'half' : null;
}

const STYLE_ZH = { full: '全角括号“（）”', half: '半角括号“()”' } as const;

/**
 * FMT-05: brackets in names — full- and half-width mixed in one name (`（运维)`), or a project name
 * using the style the other project names do not (`(运维)` among `（运维）`, `（二期）`).
 * The majority style of the disclosure's project names is the reference; a tie favours full-width,
 * the style of Chinese official documents.
 */
export default defineDisclosureRule({
  id: 'FMT-05',
  slug: 'bracket-style',
  category: '格式规范',
  severity: 'info',
  description: '名称中全角、半角括号混用，或项目名称的括号样式与其他项目不一致。',
  messages: {
    mixed: '「{name}」中全角、半角括号混用，应统一为全角括号“（）”。',
    differs:
      '{project}「{name}」使用{styleText}，其他 {majorityCount} 个项目名称使用{majorityText}，应统一。',
  },
  check({ disclosure, report }) {
    const projects = disclosure.projects;
    const styles = projects.map((p) => styleOf(p.form.name));
    let full = 0;
    let half = 0;
    for (const s of styles) {
      if (s === 'full') full++;
      else if (s === 'half') half++;
    }
    const majority: 'full' | 'half' = half > full ? 'half' : 'full';
    const majorityCount = majority === 'full' ? full : half;
    projects.forEach((project, index) => {
      const name = project.form.name;
      const style = styles[index];
      if (style === 'mixed') {
        report('mixed', { project: projectId(index), name }, `${projectPrefix(index)}form.name`);
      } else if (style !== null && style !== undefined && style !== majority && majorityCount > 0) {
        report(
          'differs',
          {
            project: projectId(index),
            name,
            style,
            majority,
            majorityCount,
            styleText: STYLE_ZH[style],
            majorityText: STYLE_ZH[majority],
          },
          `${projectPrefix(index)}form.name`,
        );
      }
      project.form.indicators.forEach((ind, i) => {
        if (styleOf(ind.name) === 'mixed') {
          report(
            'mixed',
            { project: projectId(index), name: ind.name },
            `${projectPrefix(index)}${indicatorPath(i)}`,
          );
        }
      });
    });
  },
});

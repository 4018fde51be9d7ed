import { defineRule } from '../define-rule.ts';
import { indicatorPath, plain, withoutPlaces } from './_wording-util.ts';

/** Words that end the name of a system or channel: `禁毒智能化管理平台`, `…信息系统`. */
const OBJECT_SUFFIX_RE = /平台|系统|信息网|网站|数据库|公众号|小程序/;
const BRACKETED_RE = /[（(][^（）()]*[）)]/g;
const HAN_TAIL_RE = /\p{Script=Han}*$/u;
/** How many characters before the suffix are read as the object's name. */
const STEM_WINDOW = 12;
/** How many last characters of two stems must agree for them to be one object. */
const TAIL = 4;

/** The Han characters right before `at` (at most `STEM_WINDOW`): the object's name. */
function stemBefore(text: string, at: number): string {
  return (HAN_TAIL_RE.exec(text.slice(Math.max(0, at - STEM_WINDOW), at))?.[0] ?? '').trim();
}

function tail(s: string): string {
  return s.slice(-TAIL);
}

/** Two stems name one object when one ends like the other (`保障社区矫正信息` / `社区矫正信息`). */
function sameObject(mention: string, own: string): boolean {
  return mention.endsWith(tail(own)) || own.endsWith(tail(mention));
}

/** Two stems are in one field (and so may be confused) when they share a bigram. */
function related(mention: string, own: string): string | null {
  for (let i = 0; i + 1 < mention.length; i++) {
    if (own.includes(mention.slice(i, i + 2))) return mention.slice(i);
  }
  return null;
}

/**
 * REL-04: the objective or an indicator names a system other than the one in the project name —
 * `禁毒智能预警服务管理平台` in 松江区禁毒智能化管理平台(运维): targets copied from a sibling
 * project. Only mentions ending like the project's own object (平台, 系统…) and sharing a word with it
 * are compared; a bare `平台` or an unrelated system is not judged.
 */
export default defineRule({
  id: 'REL-04',
  slug: 'other-object',
  category: '相关性',
  severity: 'info',
  description: '年度目标或指标提到的系统/平台与项目名称中的对象不一致。',
  messages: {
    otherObject: '{field}提到「{mentioned}」，而项目名称中的对象是「{own}」，目标疑为其他项目所写。',
  },
  check({ disclosure, project, report }) {
    const form = project.form;
    const name = withoutPlaces(plain(form.name.replace(BRACKETED_RE, '')), disclosure, '');
    const own = OBJECT_SUFFIX_RE.exec(name);
    if (!own) return;
    const suffix = own[0];
    const ownStem = stemBefore(name, own.index);
    if (ownStem.length < 2) return;
    // `label` is the field's label, or the indicator's name when `indicator` is set
    const check = (text: string, path: string, label: string, indicator: boolean): void => {
      if (!text.includes(suffix)) return;
      const stripped = withoutPlaces(text, disclosure, '');
      for (let at = stripped.indexOf(suffix); at >= 0; at = stripped.indexOf(suffix, at + suffix.length)) {
        const stem = stemBefore(stripped, at);
        if (stem.length < 2 || sameObject(stem, ownStem)) continue;
        const mentioned = related(stem, ownStem);
        if (!mentioned) continue;
        const field = indicator ? `指标「${label}」` : label;
        report('otherObject', { field, mentioned: mentioned + suffix, own: ownStem + suffix }, path);
        return;
      }
    };
    check(form.overallGoal, 'form.overallGoal', '项目总目标', false);
    check(form.annualGoal, 'form.annualGoal', '年度总体目标', false);
    const indicators = form.indicators;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      if (ind) check(ind.name, indicatorPath(i), ind.name, true);
    }
  },
});

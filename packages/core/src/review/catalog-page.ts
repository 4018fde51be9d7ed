import { RULES } from './registry.ts';

const SEVERITY_ZH = { error: '错误', warn: '警告', info: '提示' } as const;

/** The rule catalogue page (`docs/rules/README.md`), generated from the registry. */
export function renderCatalogPage(): string {
  const rows = [...RULES]
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
    .map(
      (r) => `| [${r.id}](${r.slug}.md) | ${r.category} | ${SEVERITY_ZH[r.severity]} | ${r.description} |`,
    );
  return [
    '# 审核规则目录',
    '',
    '<!-- 由 `npm run docs` 从规则注册表生成，请勿手工修改。 -->',
    '',
    `共 ${RULES.length} 条规则。级别为默认值，审核配置（profile）可以覆盖。`,
    '',
    '| 编号 | 类别 | 默认级别 | 检查内容 |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** Regenerates docs/rules/README.md from the rule registry. */
import { writeFileSync } from 'node:fs';
import { renderCatalogPage } from '../packages/core/src/review/catalog-page.ts';

writeFileSync(new URL('../docs/rules/README.md', import.meta.url), renderCatalogPage());

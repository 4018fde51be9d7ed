/**
 * @jixiao/core — the disclosure model, the text importer, the review engine and the summary.
 * Pure and browser-safe: imports zod only.
 */

export * from './import/diagnostics.ts';
export { importDisclosureText, type TextImportOptions } from './import/text/importer.ts';
export { displayWidth } from './import/text/lines.ts';
export * from './model/indicator.ts';
export * from './model/labels.ts';
export * from './model/money.ts';
export * from './model/schema.ts';
export * from './model/workflow.ts';
export { renderCatalogPage } from './review/catalog-page.ts';
export { defineDisclosureRule, defineRule, renderMessage } from './review/define-rule.ts';
export { countBySeverity, reviewDisclosure, sortFindings } from './review/engine.ts';
export { getProfile, PROFILES } from './review/profiles.ts';
export { RULES, RULES_BY_ID } from './review/registry.ts';
export * from './review/types.ts';
export * from './summary/summary.ts';

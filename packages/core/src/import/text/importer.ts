import type { Disclosure } from '../../model/schema.ts';
import type { ImportResult } from '../diagnostics.ts';

/** Options for the text importer. */
export interface TextImportOptions {
  /** file name, for messages */
  source?: string;
}

/**
 * Reads a published disclosure as text (PDF text extraction, raw or `-layout`) into the model.
 * Never throws: what it cannot read becomes diagnostics naming the line.
 */
export function importDisclosureText(
  _text: string,
  _options: TextImportOptions = {},
): ImportResult<Disclosure> {
  return { disclosure: null, diagnostics: [] }; // replaced by the real reader (lead is writing it)
}

/** Rules of the 相关性 / 适当性 / 格式规范 families: REL, APPR, FMT. */
import type { Rule } from '../types.ts';
import boilerplateBenefit from './boilerplate-benefit.ts';
import bracketStyle from './bracket-style.ts';
import conflictingDuplicates from './conflicting-duplicates.ts';
import copiedNarrative from './copied-narrative.ts';
import narrativeOffTopic from './narrative-off-topic.ts';
import numberFormat from './number-format.ts';
import otherObject from './other-object.ts';
import outputUnderBenefit from './output-under-benefit.ts';
import rate100 from './rate-100.ts';
import satisfaction100 from './satisfaction-100.ts';
import satisfactionFloor from './satisfaction-floor.ts';
import satisfactionSubject from './satisfaction-subject.ts';
import trivialTarget from './trivial-target.ts';
import twoMeasures from './two-measures.ts';
import typos from './typos.ts';
import unitMismatch from './unit-mismatch.ts';
import valueFragmentOfName from './value-fragment-of-name.ts';
import valueRepeatsName from './value-repeats-name.ts';

export const WORDING_RULES: readonly Rule[] = [
  // 相关性
  boilerplateBenefit, // REL-01
  copiedNarrative, // REL-02
  narrativeOffTopic, // REL-03
  otherObject, // REL-04
  outputUnderBenefit, // REL-05
  satisfactionSubject, // REL-06
  // 适当性
  satisfaction100, // APPR-01
  rate100, // APPR-02
  conflictingDuplicates, // APPR-03
  trivialTarget, // APPR-04
  satisfactionFloor, // APPR-05
  // 格式规范
  valueRepeatsName, // FMT-01
  valueFragmentOfName, // FMT-02
  unitMismatch, // FMT-03
  numberFormat, // FMT-04
  bracketStyle, // FMT-05
  typos, // FMT-06
  twoMeasures, // FMT-07
];

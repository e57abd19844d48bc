// Label and field selectors for the twin's list/watch filtering, reproducing kube-apiserver's parsing and errors.
export { SelectorError } from './errors.ts';
export type { LabelOperator, LabelRequirement } from './requirement.ts';
export {
  parseLabelSelector,
  labelSelectorFromSpec,
  matchesLabels,
  labelSelectorString,
  isEverything,
  everythingSelector,
  nothingSelector,
  type LabelSelector,
  type LabelSelectorSpec,
} from './label-selector.ts';
export {
  parseFieldSelector,
  matchesFields,
  requiredFields,
  fieldSelectorString,
  escapeFieldValue,
  exactFieldMatch,
  type FieldSelector,
  type FieldTerm,
} from './field-selector.ts';
export { formatLabelSelector, formatLabels } from './format.ts';
export { selectableFields, checkFieldsSupported, convertFieldSelector } from './selectable-fields.ts';

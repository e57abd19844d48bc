// Object validation for the twin's API server: upstream-style 422 field causes, strict field validation,
// and resource.Quantity parsing.
export type { FieldCause, FieldCauseReason } from './field-cause.ts';
export { invalidMessage, causeText } from './field-cause.ts';
export { validateObject } from './validate-object.ts';
export { unknownFields } from './unknown-fields.ts';
export { parseQuantity, quantityError, QuantityError } from './quantity.ts';

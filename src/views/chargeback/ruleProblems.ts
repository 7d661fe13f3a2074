// What can be wrong in a chargeback file, with where: offsets into the text so the editor can put
// a diagnostic on the exact line. The words are the views' (localised there); this layer says
// only what and where.

export type RuleProblemCode =
  | 'syntax'
  | 'notAnObject'
  | 'unknownKey'
  | 'missingKey'
  | 'wrongType'
  | 'notOneOf'
  | 'scopeNotOne'
  | 'badSubscriptionId'
  | 'badScopeId'
  | 'emptyList'
  | 'percentagesNot100'
  | 'negativePercentage'
  | 'undefinedOwner'
  | 'emptyMatch'
  | 'duplicateName';

export interface RuleProblem {
  code: RuleProblemCode;
  /** Offset and length of the text the problem is about. */
  offset: number;
  length: number;
  /** Details for the message: the key, the expected type, the allowed values, the sum... */
  args: Record<string, string>;
}

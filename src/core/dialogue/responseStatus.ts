// the shape of a planner's answer to a pin, with no imports, so core/types.ts can name it without a cycle.

/** the fixed, translated set of answers, in the order a resident's idea moves through them */
export const RESPONSE_STATUSES = ['received', 'under-consideration', 'planned', 'done', 'not-possible'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/** a pin's answer as every read of the pin carries it (`properties.response`) */
export interface PinResponse {
  status: ResponseStatus;
  text: string;
  /** ISO 8601: when it was last answered */
  at: string;
}

/** A condition on one joint state, as a query writes it. */
export type Formula =
  | { readonly kind: 'outcome'; readonly id: string; readonly at: number }
  | { readonly kind: 'stance'; readonly party: string; readonly stances: readonly string[]; readonly at: number }
  | {
      readonly kind: 'compare';
      readonly subject: string;
      readonly op: ComparisonOperator;
      readonly value: string | number | boolean;
      readonly at: number;
    }
  | { readonly kind: 'and' | 'or'; readonly left: Formula; readonly right: Formula }
  | { readonly kind: 'not'; readonly inner: Formula };

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** One claim about the futures from the start; a query holds when all its clauses do. */
export type Clause =
  | {
      readonly kind: 'eventually' | 'never' | 'always';
      readonly formula: Formula;
      readonly withinDays?: number;
      readonly text: string;
    }
  | {
      /** `A before B`, `A until B` (A holds until B does, and B does), `A leads to B` (whenever A holds, B follows). */
      readonly kind: 'before' | 'until' | 'leads-to';
      readonly first: Formula;
      readonly then: Formula;
      readonly withinDays?: number;
      readonly text: string;
    }
  | {
      /** `P >= 0.1 [eventually B]` or `P [A until B]`: the exact probability, against a bound if one is given. */
      readonly kind: 'probability';
      readonly bound: ProbabilityBound | null;
      /** A of `A until B`; null for `eventually B`. */
      readonly first: Formula | null;
      readonly then: Formula;
      readonly withinDays?: number;
      readonly text: string;
    };

/** The bound of a probability clause: `>= 0.1`; `at` is its offset in the query. */
export interface ProbabilityBound {
  readonly op: '>=' | '>' | '<=' | '<';
  readonly value: number;
  readonly at: number;
}

export type Query = readonly Clause[];

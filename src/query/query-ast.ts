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
      readonly kind: 'before';
      readonly first: Formula;
      readonly then: Formula;
      readonly withinDays?: number;
      readonly text: string;
    };

export type Query = readonly Clause[];

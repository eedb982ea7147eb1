// The contract's `Date`: a calendar date, ISO 8601 yyyy-mm-dd, no time zone. Values stay text
// (as the domain keeps them); graphql-scalars' LocalDate does the validation.
import { GraphQLScalarType } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';

export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: 'Calendar date, ISO 8601 yyyy-mm-dd. No time zone.',
});

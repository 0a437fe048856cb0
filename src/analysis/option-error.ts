/** An option an analysis cannot honour (a user's mistake, named in words): the CLI exits with 2. */
export class OptionError extends Error {
  override readonly name = 'OptionError';
}

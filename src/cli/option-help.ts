import { Help, type Option } from 'commander';

/**
 * An option's line in `--help`: commander's own (its description, choices and default), with
 * `(required)` after an option the command cannot run without (`makeOptionMandatory`,
 * `requiredOption`), which commander's help does not mark. For `configureHelp`, which calls it
 * with the help formatter as `this`. Pure.
 */
export function describeOptionForHelp(this: Help, option: Option): string {
  const text = Help.prototype.optionDescription.call(this, option);
  return option.mandatory ? `${text} (required)` : text;
}

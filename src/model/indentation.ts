/** A line whose indentation is wrong, with the indentation its siblings have. */
export interface IndentationMistake {
  /**
   * `tab`: a tab in the indentation; `misaligned`: a key or list item out of line with its
   * siblings; `too-deep`: one deeper than the plain value above it, which YAML then reads as more
   * text of that value.
   */
  readonly kind: 'tab' | 'misaligned' | 'too-deep';
  /** The offset of what to underline: the tab, or the line's first token. */
  readonly start: number;
  /** The offset just past it. */
  readonly end: number;
  /** The line's first token: a key, or `-` for a list item. */
  readonly token: string;
  /** The line's indentation in spaces (for a tab: the spaces before it). */
  readonly indent: number;
  /** The indentation its siblings have, and one of them (its first token and 0-based line); absent when it cannot be told. */
  readonly expected?: { readonly indent: number; readonly token: string; readonly line: number };
  /** The 0-based lines from the mapping or list the line is in to the end of the one that holds it: a YAML error there follows from this mistake. */
  readonly region: { readonly from: number; readonly to: number };
}

/** A line that holds a key or a list item, as the scan sees it. */
interface ItemLine {
  readonly line: number;
  readonly start: number;
  readonly indent: number;
  readonly token: string;
  /** The offset of the first tab in its indentation, if any. */
  readonly tab: number | undefined;
  /** Nothing follows `key:` or `-` on the line: a nested block is expected below. */
  readonly opens: boolean;
  /** The key of `- key: ...`, which starts the mapping inside the list item. */
  readonly inline: boolean;
}

/** The keys of one mapping or the items of one list, under the line that holds it. */
interface Block {
  readonly parentIndent: number;
  readonly from: number;
  readonly items: ItemLine[];
  /** The indentations its items have. */
  readonly indents: Set<number>;
  to: number;
  /** A list at the column of the key that holds it (`key:` then `- a` right below). */
  readonly compact?: boolean;
  /** The block that holds the line this block is under. */
  readonly outer?: Block;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},?|>!&*%@`-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?=[ \t]|$)/;
const BLOCK_SCALAR = /^(?:[&!]\S*[ \t]+)*[|>][0-9+-]*[ \t]*(#.*)?$/;
const NOTHING = /^(?:[&!]\S*[ \t]*)*(#.*)?$/;

/**
 * Returns the indentation mistakes of a YAML text, in the order of the text, so that a mistake is
 * reported on its own line rather than where the YAML parser gives up (often the next line, at
 * column 1). Pure; linear in the text. A heuristic over lines: block scalars, and flow
 * collections and quoted scalars that span lines, are skipped, not parsed; where most siblings
 * agree, the odd one out is the mistake, and on a tie the one at the file's usual step.
 */
export function findIndentationMistakes(text: string): IndentationMistake[] {
  const found: { mistake: Omit<IndentationMistake, 'region'>; block: Block }[] = [];
  const tabs: { mistake: Omit<IndentationMistake, 'region'>; line: ItemLine }[] = [];
  const steps = new Map<number, number>();
  const root: Block = { parentIndent: -1, from: 0, items: [], indents: new Set(), to: 0 };
  const blocks: Block[] = [root];
  const stack: Block[] = [root];
  const top = () => stack[stack.length - 1] as Block;
  const owners = new Map<ItemLine, Block>();
  const add = (block: Block, line: ItemLine) => {
    owners.set(line, block);
    block.items.push(line);
    block.indents.add(line.indent);
    for (let b: Block | undefined = block; b; b = b.outer) b.to = line.line;
  };
  const open = (parentIndent: number, from: number, first: ItemLine, compact = false) => {
    const block: Block = { parentIndent, from, items: [], indents: new Set(), to: from, compact, outer: top() };
    add(block, first);
    stack.push(block);
    blocks.push(block);
  };
  for (const written of getItemLines(text)) {
    const prev = top().items[top().items.length - 1];
    // How deep a tab goes cannot be told: the line is taken as a sibling of the line above, or as
    // the first child of the key above at the usual step.
    const line =
      written.tab === undefined || !prev
        ? written
        : { ...written, indent: prev.opens ? prev.indent + getStep(steps) : prev.indent };
    if (written.tab !== undefined) {
      tabs.push({
        mistake: {
          kind: 'tab',
          start: written.tab,
          end: written.tab + 1,
          token: written.token,
          indent: written.indent,
        },
        line,
      });
    }
    if (line.inline && prev) {
      open(prev.indent, line.line, line);
      continue;
    }
    for (
      let b = top();
      stack.length > 1 &&
      (line.indent < b.parentIndent || (line.indent === b.parentIndent && !(b.compact && line.token === '-')));
      b = top()
    )
      stack.pop();
    const last = top().items[top().items.length - 1];
    if (
      last &&
      last.opens &&
      line.indent >= last.indent &&
      (line.indent > last.indent || (line.token === '-' && last.token !== '-'))
    ) {
      if (line.indent > last.indent)
        steps.set(line.indent - last.indent, (steps.get(line.indent - last.indent) ?? 0) + 1);
      open(last.indent, last.line, line, line.indent === last.indent);
      continue;
    }
    const sibling = top().indents.has(line.indent);
    if (last && line.indent > last.indent && !sibling) {
      found.push({
        mistake: {
          kind: 'too-deep',
          start: line.start,
          end: line.start + line.token.length,
          token: line.token,
          indent: line.indent,
          expected: { indent: last.indent, token: last.token, line: last.line },
        },
        block: top(),
      });
      add(top(), { ...line, indent: last.indent });
      continue;
    }
    add(top(), line);
  }
  const step = getStep(steps);
  // One push at a time: spreading the misaligned lines of a block of a million would overflow the stack.
  for (const block of blocks) for (const misaligned of findMisaligned(block, step)) found.push(misaligned);
  for (const { mistake, line } of tabs) found.push({ mistake, block: owners.get(line) as Block });
  // Once per block: asked per tab, it would count a block's items once per tab in it.
  const expectedOf = new Map<Block, IndentationMistake['expected']>();
  const getBlockExpected = (block: Block) => {
    if (!expectedOf.has(block)) expectedOf.set(block, getExpected(block, step));
    return expectedOf.get(block);
  };
  return found
    .map(({ mistake, block }) => {
      const expected = mistake.kind === 'tab' ? getBlockExpected(block) : mistake.expected;
      // The parser loses its place for the rest of the block that holds this one, too.
      const region = block.outer ?? block;
      return { ...mistake, ...(expected && { expected }), region: { from: block.from, to: region.to } };
    })
    .sort((a, b) => a.start - b.start);
}

/** The step most blocks of the text are indented by (2 when none is). */
function getStep(steps: ReadonlyMap<number, number>): number {
  return [...steps].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 2;
}

/** The indentation most items of a block share (on a tie, the one at the usual step), and one of those items. */
function getExpected(block: Block, step: number): IndentationMistake['expected'] {
  const votes = new Map<number, number>();
  for (const item of block.items) if (item.tab === undefined) votes.set(item.indent, (votes.get(item.indent) ?? 0) + 1);
  const atStep = (indent: number) => Number(indent === block.parentIndent + step);
  const best = [...votes].sort((a, b) => b[1] - a[1] || atStep(b[0]) - atStep(a[0]))[0];
  const like = best && block.items.find((i) => i.indent === best[0] && i.tab === undefined);
  return like && { indent: like.indent, token: like.token, line: like.line };
}

/** The items of a block out of line with the indentation most of them share (tabs aside: they have their own mistake). */
function findMisaligned(block: Block, step: number): { mistake: Omit<IndentationMistake, 'region'>; block: Block }[] {
  const expected = getExpected(block, step);
  if (!expected) return [];
  return block.items
    .filter((i) => i.indent !== expected.indent && i.tab === undefined)
    .map((i) => ({
      mistake: {
        kind: 'misaligned',
        start: i.start,
        end: i.start + i.token.length,
        token: i.token,
        indent: i.indent,
        expected,
      },
      block,
    }));
}

/**
 * The lines that hold a key or a list item (`- key: value` gives both), with their indentation;
 * comments, blank lines, the lines of block scalars and the continuation lines of plain values,
 * flow collections and quoted scalars are left out. Pure.
 */
function getItemLines(text: string): ItemLine[] {
  const result: ItemLine[] = [];
  let offset = 0;
  let open = { flow: 0, quote: '' };
  let blockScalarOver: number | undefined;
  for (const [n, raw] of text.split('\n').entries()) {
    const start = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
    const content = line.slice(lead.length);
    const spaces = /^ */.exec(lead)?.[0].length ?? 0;
    if (blockScalarOver !== undefined) {
      if (content === '' || spaces > blockScalarOver) continue;
      blockScalarOver = undefined;
    }
    const continuing = open.flow > 0 || open.quote !== '';
    open = scanFlow(content, open);
    if (continuing || content === '' || content.startsWith('#') || /^(---|\.\.\.)(\s|$)|^%/.test(line)) continue;
    const tab = lead.includes('\t') ? start + lead.indexOf('\t') : undefined;
    const item = /^-(\s|$)/.test(content);
    const body = item ? content.slice(1).trimStart() : content;
    const key = KEY.exec(body);
    if (!item && !key) continue;
    const value = key ? body.slice(key[0].length).trim() : body;
    const keyColumn = spaces + (content.length - body.length);
    if (BLOCK_SCALAR.test(value)) blockScalarOver = key ? keyColumn : spaces;
    // Plain objects of one shape: a conditional spread here costs microseconds a line.
    if (item)
      result.push({
        line: n,
        tab,
        start: start + lead.length,
        indent: spaces,
        token: '-',
        opens: !key && NOTHING.test(value),
        inline: false,
      });
    if (key)
      result.push({
        line: n,
        tab,
        start: start + lead.length + (content.length - body.length),
        indent: keyColumn,
        token: key[1] as string,
        opens: NOTHING.test(value),
        inline: item,
      });
  }
  return result;
}

/** Follows the brackets and quotes of a line, to know whether the next line continues them. */
function scanFlow(content: string, open: { flow: number; quote: string }): { flow: number; quote: string } {
  let { flow, quote } = open;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    const before = i === 0 ? ' ' : (content[i - 1] as string);
    if (quote === '"') {
      if (ch === '\\') i++;
      else if (ch === '"') quote = '';
    } else if (quote === "'") {
      if (ch === "'" && content[i + 1] === "'") i++;
      else if (ch === "'") quote = '';
    } else if (ch === '#' && /\s/.test(before)) break;
    else if ((ch === '"' || ch === "'") && /[\s[{,:]/.test(before)) quote = ch;
    else if (ch === '[' || ch === '{') flow++;
    else if ((ch === ']' || ch === '}') && flow > 0) flow--;
  }
  return { flow, quote };
}

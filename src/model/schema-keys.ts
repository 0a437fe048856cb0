import type * as z from 'zod';
import type { DataPath } from './problem.js';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Returns the keys a mapping may have at `path` of the data, by walking the schema alongside the
 * data (the data picks the branch of a union). Pure. Undefined when no mapping is expected there.
 */
export function getAllowedKeys(schema: z.ZodType, path: DataPath, data: unknown): string[] | undefined {
  const node = walk(schema, path, data);
  const shape = node && objectShape(node, valueAt(data, path));
  return shape && Object.keys(shape);
}

function walk(schema: z.ZodType, path: DataPath, data: unknown): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  let value = data;
  for (const segment of path) {
    current = current && childSchema(current, segment, value);
    value = isRecord(value) ? value[segment as string] : Array.isArray(value) ? value[segment as number] : undefined;
  }
  return current;
}

function childSchema(schema: z.ZodType, segment: string | number, value: unknown): z.ZodType | undefined {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
      return childSchema(def.innerType as z.ZodType, segment, value);
    case 'pipe':
      return childSchema(def.in as z.ZodType, segment, value);
    case 'object':
      return def.shape?.[segment as string];
    case 'record':
      return def.valueType;
    case 'array':
      return def.element;
    case 'union':
      for (const option of pickOptions(def, value)) {
        const child = childSchema(option, segment, value);
        if (child) return child;
      }
      return undefined;
    default:
      return undefined;
  }
}

function objectShape(schema: z.ZodType, value: unknown): Record<string, z.ZodType> | undefined {
  const def = defOf(schema);
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable')
    return objectShape(def.innerType as z.ZodType, value);
  if (def.type === 'object') return def.shape;
  if (def.type === 'union') {
    for (const option of pickOptions(def, value)) {
      const shape = objectShape(option, value);
      if (shape) return shape;
    }
  }
  return undefined;
}

/** The union's options that fit the value: by discriminator when there is one, else by shape. */
function pickOptions(def: Def, value: unknown): z.ZodType[] {
  const options = def.options ?? [];
  if (def.discriminator && isRecord(value)) {
    const tag = value[def.discriminator];
    const matching = options.filter((o) => {
      const literal = defOf(o).shape?.[def.discriminator as string];
      return literal && (defOf(literal) as Def & { values?: unknown[] }).values?.includes(tag);
    });
    if (matching.length > 0) return matching;
  }
  return [...options].sort((a, b) => fit(b, value) - fit(a, value));
}

function fit(option: z.ZodType, value: unknown): number {
  const type = defOf(option).type;
  if (Array.isArray(value)) return type === 'array' ? 1 : 0;
  if (isRecord(value)) return type === 'object' || type === 'record' ? 1 : 0;
  return 0;
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) {
    value = isRecord(value) ? value[segment as string] : Array.isArray(value) ? value[segment as number] : undefined;
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export { valueAt as getValueAt };

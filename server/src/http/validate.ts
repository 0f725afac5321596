import type { z } from 'zod';
import type { FieldIssue } from '@scrm/shared';
import { errors } from './errors';

/** Validates input with a zod schema; failures become a 400 listing each field's problem. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, where: 'body' | 'query' | 'params'): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.code === 'unrecognized_keys' ? `不认识的字段：${issue.keys.join(', ')}` : issue.message,
  }));
  throw errors.validation(issues, issues.length === 1 ? issues[0]!.message : undefined);
}

/** Parse a YAML file and validate it with a zod schema, reporting problems by file and line. */
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';

/** What to do about a problem at `path` (the keys down to it); one hint for all, or one per problem. */
export type YamlHint = string | ((path: Array<string | number>, issue: z.core.$ZodIssue) => string);
import { InputError } from './errors.ts';

export function parseYamlWithSchema<T extends z.ZodType>(
  file: string,
  text: string,
  schema: T,
  hint: YamlHint,
): z.infer<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const line = syntaxError.linePos?.[0]?.line;
    throw new InputError(
      file,
      `is not valid YAML: ${syntaxError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/u, '')}`,
      'fix the YAML syntax at that line (indentation, a missing ":" or an unclosed quote are the usual causes)',
      line === undefined ? {} : { line },
    );
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;

  const issue = result.error.issues[0]!;
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  let line: number | undefined;
  // Walk up the path until a node exists (a missing key has no node of its own).
  for (let depth = path.length; depth >= 0 && line === undefined; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
  }
  const where = path.length ? `at ${path.join('.')}: ` : '';
  throw new InputError(
    file,
    `${where}${issue.message}`,
    typeof hint === 'string' ? hint : hint(path, issue),
    line === undefined ? {} : { line },
  );
}

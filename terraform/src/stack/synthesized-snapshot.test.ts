import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { synthesizeExample, type TerraformJson } from '../testing/example-stack.ts';

/**
 * The supporters' page files travel in the stack as base64 content; the page changes for its
 * own reasons, so the snapshot keeps only a digest of each file's content.
 */
function withPageContentDigested(json: TerraformJson): TerraformJson {
  const objects = json.resource.aws_s3_object ?? {};
  const digested = Object.fromEntries(
    Object.entries(objects).map(([name, attributes]) => {
      const content = attributes.content_base64;
      if (typeof content !== 'string') return [name, attributes];
      const digest = createHash('sha256').update(content).digest('hex').slice(0, 16);
      return [name, { ...attributes, content_base64: `<page file sha256:${digest}>` }];
    }),
  );
  return { ...json, resource: { ...json.resource, aws_s3_object: digested } };
}

/** Terraform reads objects by key, so the snapshot lists keys sorted: only content counts. */
function withKeysSorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withKeysSorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, withKeysSorted((value as Record<string, unknown>)[key])]),
  );
}

describe('the synthesized stack', () => {
  // Refactoring the wiring must leave the infrastructure as it is: a change to the stack shows
  // here as a diff to review, and is accepted with `npx vitest run -u` on this file.
  it('matches the committed Terraform JSON of the example club', async () => {
    const { json } = synthesizeExample({ backend: true });
    await expect(
      `${JSON.stringify(withKeysSorted(withPageContentDigested(json)), null, 2)}\n`,
    ).toMatchFileSnapshot('./__snapshots__/live-scores-stack.tf.json');
  });
});

/** The open data as a reuser meets it: /api/ lists each file with its JSON Schema, and each file fits its schema. */
import { expect, test } from '@playwright/test';
import { paths } from '../../src/core/routes.ts';
import { CONTRACT, type ContractName, contractJsonSchema } from '../../src/core/schemas/contract.ts';

test('the open-data page links every file of the contract and its schema', async ({ page }) => {
  await page.goto(paths.api);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open data');
  for (const name of Object.keys(CONTRACT)) {
    await expect(page.getByRole('link', { name: paths.schema(name), exact: true })).toBeVisible();
  }
  await page.getByRole('link', { name: paths.insurersJson, exact: true }).click();
  await expect(page).toHaveURL(paths.insurersJson);
});

test('each schema is the one generated from zod, and the data fits its schema', async ({ request }) => {
  const documents = (await (await request.get(paths.documentsJson)).json()) as Array<{ id: string }>;
  expect(documents.length).toBeGreaterThan(0);
  const files: Record<ContractName, string> = {
    documents: paths.documentsJson,
    document: paths.json(documents[0]!.id),
    insurers: paths.insurersJson,
    themes: paths.themesJson,
  };
  for (const [name, url] of Object.entries(files) as Array<[ContractName, string]>) {
    const schema = await request.get(paths.schema(name));
    expect(schema.ok()).toBe(true);
    const published = await schema.json();
    expect(published).toEqual(contractJsonSchema(name, paths.schema(name)));
    expect(published.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const data = await (await request.get(url)).json();
    const parsed = CONTRACT[name].schema.safeParse(data);
    expect(parsed.success, `${url} against ${paths.schema(name)}: ${parsed.error?.message ?? ''}`).toBe(true);
  }
  // And every document, not only the first.
  for (const { id } of documents) {
    const data = await (await request.get(paths.json(id))).json();
    expect(CONTRACT.document.schema.safeParse(data).success, id).toBe(true);
  }
});

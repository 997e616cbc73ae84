/**
 * axe-core on the page as it is now: each violation as "rule: the first nodes", so a failure reads at
 * a glance. Besides axe's default rules, label-content-name-mismatch (WCAG 2.5.3, label in name),
 * which axe ships as experimental.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return violations.map(
    (violation) =>
      `${violation.id}: ${violation.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

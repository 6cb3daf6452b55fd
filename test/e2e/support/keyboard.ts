// moving focus with the keyboard alone, and saying what has it: no clicks, no locator.focus().
import type { Page } from '@playwright/test';

export interface FocusedElement {
  tag: string;
  role: string | null;
  type: string | null;
  /** aria-label, else the text of its <label>, else its own text */
  name: string;
  checked: boolean | null;
}

export async function focused(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: '', role: null, type: null, name: '', checked: null };
    const input = el instanceof HTMLInputElement ? el : null;
    const labelText = input?.labels?.[0]?.textContent ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null);
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role'),
      type: input?.type ?? null,
      name: (el.getAttribute('aria-label') ?? labelText ?? el.textContent ?? '').trim(),
      checked: input && (input.type === 'radio' || input.type === 'checkbox') ? input.checked : null,
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, and fails with the path taken if it never does.
 */
export async function tabTo(page: Page, wanted: (el: FocusedElement) => boolean, options: { backwards?: boolean; max?: number; what?: string } = {}): Promise<FocusedElement> {
  const seen: string[] = [];
  for (let i = 0; i < (options.max ?? 60); i++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const el = await focused(page);
    if (wanted(el)) return el;
    seen.push(`${el.tag}${el.role ? `[${el.role}]` : ''} "${el.name.slice(0, 40)}"`);
  }
  throw new Error(`Tab never reached ${options.what ?? 'the element'}; focus went: ${seen.join(' → ')}`);
}

export const named = (name: string) => (el: FocusedElement) => el.name === name;

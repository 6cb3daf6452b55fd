// adding a pin at the map's crosshair ("Place pin here"), the keyboard-friendly way, so a crowded map cannot swallow a
// tap: the specs that need a pin made through the real form, whatever else is on the map.
import { expect } from '@playwright/test';
import type { ResidentMapPage } from './residentMapPage.ts';
import type { TestPin } from './themes.ts';

/** Fills the form, places the pin at the crosshair and saves it; does not wait for the server, which may be out of reach. */
export async function addPinAtCrosshair(resident: ResidentMapPage, pin: Omit<TestPin, 'area'>): Promise<void> {
  await resident.startAdding();
  await resident.fillForm({ ...pin, area: '' });
  // the crosshair and its card are for keyboard users: a key press on the focused map shows them
  await resident.map.focus();
  await resident.page.keyboard.press('Shift');
  await resident.page.getByRole('button', { name: 'Place pin here', exact: true }).click();
  await expect(resident.form.locator('#pin-position [role="status"]')).toHaveText(/^Placed in /);
  await resident.form.getByRole('button', { name: 'Save pin', exact: true }).click();
  await expect(resident.form).toHaveCount(0);
}

import type { Page } from 'playwright-core';

export interface Credentials {
  username: string;
  password: string;
}

/** Fills the login page (Tên đăng nhập / Mật khẩu) and presses "Đăng nhập". */
export async function submitLogin(page: Page, baseUrl: string, { username, password }: Credentials): Promise<void> {
  if (!page.url().includes('#/login')) await page.goto(`${baseUrl}/#/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Signs in through the login page as a real account and waits to leave it. */
export async function signIn(page: Page, baseUrl: string, credentials: Credentials): Promise<void> {
  await submitLogin(page, baseUrl, credentials);
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
}

/** Signs out through the user menu ("Đăng xuất") and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tài khoản của tôi' }).click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await page.waitForURL((url) => url.hash.startsWith('#/login'));
}

import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'

import { TEST_TMP } from './databases'

/**
 * Where browser tests save their screenshots: test/.tmp by default; set
 * PHRASEBOOK_SCREENSHOTS=docs/screenshots to refresh the ones the README shows.
 */
export const SCREENSHOTS = path.resolve(process.env.PHRASEBOOK_SCREENSHOTS ?? path.join(TEST_TMP, 'screenshots'))

/** Debian's Chromium, headless, as CI installs it. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
}

/** A Taiwan operations desk: Traditional Chinese browser, wide screen. */
export function taiwanDesk(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'zh-TW', viewport: { width: 1400, height: 1000 }, acceptDownloads: true })
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/admin`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/)
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true })

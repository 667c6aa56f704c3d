import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser, Page } from 'playwright-core'

import { launchChromium, screenshot, signIn, taiwanDesk } from './helpers/browser'
import { seededServerEnv } from './helpers/databases'
import { type ServerProcess, spawnServer } from './helpers/server'

const ADMIN = { email: 'browser-admin@example.com', password: 'browser test password' }

/** A newcomer's first minutes: sign in to /admin and browse the library in both scripts (real Chromium). */
describe('the admin UI in a real browser', () => {
  let server: ServerProcess
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    server = await spawnServer({
      ...(await seededServerEnv('sqlite', 'admin_browser')),
      PHRASEBOOK_ADMIN_EMAIL: ADMIN.email,
      PHRASEBOOK_ADMIN_PASSWORD: ADMIN.password,
    })
    browser = await launchChromium()
    page = await (await taiwanDesk(browser)).newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('signs in with the first admin and lands on the dashboard in Traditional Chinese', async () => {
    await signIn(page, server.url, ADMIN.email, ADMIN.password)
    expect(await page.getAttribute('html', 'lang')).toBe('zh-TW')
    // The dashboard's collection cards, in the users' language.
    await page.locator('.dashboard').getByText('話術庫').first().waitFor()
    await page.locator('.dashboard').getByText('服務忌語').first().waitFor()
    await screenshot(page, 'dashboard')
  })

  it.each([
    ['zh-Hant', '日常開場問候', '您好，{{company}}，很高興為您服務！'],
    ['zh-Hans', '日常开场问候', '您好，{{company}}，很高兴为您服务！'],
  ])('browses the seeded phrases in %s', async (locale, title, text) => {
    await page.goto(`${server.url}/admin/collections/phrases?locale=${locale}&where[key][equals]=opening.standard`)
    const row = page.locator('table tbody tr').first()
    await row.getByText(title).waitFor()
    await row.getByText(text).waitFor()
    await screenshot(page, `phrases-${locale}`)

    await page.goto(`${server.url}/admin/collections/phrases?locale=${locale}`)
    await page.locator('table tbody tr').first().waitFor()
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(0)
  })
})

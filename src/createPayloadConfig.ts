import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { zhTw } from '@payloadcms/translations/languages/zhTw'
import { buildConfig, type SanitizedConfig } from 'payload'

import { ApiClients } from '../collections/ApiClients'
import { AuditLog } from '../collections/AuditLog'
import { Categories } from '../collections/Categories'
import { DeliveryRevisions } from '../collections/DeliveryRevisions'
import { ForbiddenTerms } from '../collections/ForbiddenTerms'
import { Glossary } from '../collections/Glossary'
import { Holidays } from '../collections/Holidays'
import { Phrases } from '../collections/Phrases'
import { PhraseUsage } from '../collections/PhraseUsage'
import { Scenarios } from '../collections/Scenarios'
import { ScheduledRuns } from '../collections/ScheduledRuns'
import { Users } from '../collections/Users'
import { WebhookDeliveries } from '../collections/WebhookDeliveries'
import { Webhooks } from '../collections/Webhooks'
import { checkedInput, guardedOperations } from '../collections/fields/inputChecks'
import { payloadCollectionsForPeopleOnly, refuseDisabledApiClients, verifyEmailOnlyWhereVerified, versionsForPeopleOnly, withoutRoutesOfUnusedFeatures } from './access'
import { installAppendOnlyGuards } from './audit/appendOnly'
import { hasRole, isAdmin, nobody } from './access'
import { deliverWebhookTask } from './webhooks/deliveries'
import { announceOnCommit } from './changes/announce'
import { databaseAdapter, SQLITE_BUSY_TIMEOUT_MS } from './database'
import { REGION_LABELS, REGIONS } from './domain/locales'
import { MAX_DEPTH } from './domain/queryBounds'
import { ADMIN_TRANSLATIONS } from './i18n/adminTranslations'
import type { RuntimeSettings } from './runtimeSettings'
import type { Settings } from './settings'
import { serializeSqliteTransactions } from './sqliteConnections'

const here = path.dirname(fileURLToPath(import.meta.url))

const adminsOnly = ({ req }: { req: { user?: unknown } }) => hasRole(req.user as never, 'admin')

export async function createPayloadConfig(settings: Settings): Promise<SanitizedConfig> {
  return buildConfig({
    secret: settings.payloadSecret,
    db: await databaseAdapter(settings),
    collections: [
      ...[Phrases, Categories, Scenarios, Holidays, ForbiddenTerms, Glossary, Users, ApiClients, Webhooks].map(checkedInput),
      // Written by the server only: what they record is never refused for its characters.
      ...[AuditLog, ScheduledRuns, DeliveryRevisions, PhraseUsage, WebhookDeliveries],
    ]
      .map(guardedOperations)
      .map(versionsForPeopleOnly),
    localization: {
      locales: [
        { code: 'zh-Hant', label: '繁體中文' },
        { code: 'zh-Hans', label: '简体中文' },
        // What agents of each region receive, proposed from the scripts and approved as they are.
        ...REGIONS.map((region) => ({ code: region, label: `${REGION_LABELS[region]['zh-TW']} (${region})` })),
        { code: 'en', label: 'English' },
      ],
      defaultLocale: 'zh-Hant',
      // A missing zh-Hans must show as missing, never as the zh-Hant text.
      fallback: false,
    },
    i18n: {
      supportedLanguages: { 'zh-TW': zhTw, zh, en },
      fallbackLanguage: 'zh-TW',
      translations: ADMIN_TRANSLATIONS,
    },
    admin: {
      user: Users.slug,
      // Gravatar is unreachable offline.
      avatar: 'default',
      meta: { titleSuffix: ' – Phrasebook CMS' },
      importMap: { baseDir: here },
      components: {
        // The language switch in the header of every screen (the nav starts collapsed).
        actions: ['/components/LanguageSwitch#LanguageSwitch'],
        afterNavLinks: ['/components/NavLinks#NavLinks'],
        views: {
          reviewQueue: { Component: '/components/ReviewQueueView#ReviewQueueView', path: '/review' },
          importPhrases: { Component: '/components/ImportView#ImportView', path: '/import' },
        },
      },
    },
    // Background work: webhook deliveries, with retries and backoff (see src/webhooks).
    jobs: {
      tasks: [deliverWebhookTask],
      access: { run: adminsOnly, queue: adminsOnly, cancel: adminsOnly },
      jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
        ...defaultJobsCollection,
        // No scheduled tasks: Payload's handle-schedules route would only answer a 500.
        endpoints: (defaultJobsCollection.endpoints || []).filter((endpoint) => endpoint.path !== '/handle-schedules'),
        admin: { ...defaultJobsCollection.admin, hidden: false },
        access: { ...defaultJobsCollection.access, read: isAdmin, create: nobody, update: nobody, delete: isAdmin },
      }),
    },
    // Bounds on what one request may make the database do (see src/server/protection.ts for REST).
    maxDepth: MAX_DEPTH,
    graphQL: { disablePlaygroundInProduction: true, maxComplexity: 1000, mutations: verifyEmailOnlyWhereVerified },
    telemetry: false,
    onInit: async (payload) => {
      await serializeSqliteTransactions(payload, SQLITE_BUSY_TIMEOUT_MS)
      announceOnCommit(payload, settings.databaseUrl)
      await installAppendOnlyGuards(payload)
      refuseDisabledApiClients(payload, ApiClients.slug)
    },
    // Server-side only: what hooks need from the settings (see src/runtimeSettings.ts).
    custom: { phrasebook: { auditKey: settings.auditKey, timezone: settings.timezone, defaultTraditional: settings.defaultTraditional, regions: settings.regions } satisfies RuntimeSettings },
    typescript: { outputFile: path.resolve(here, 'payload-types.ts') },
  }).then((config) => payloadCollectionsForPeopleOnly(withoutRoutesOfUnusedFeatures(config)))
}

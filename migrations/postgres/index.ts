import * as migration_20261124_224233_initial from './20261124_224233_initial';
import * as migration_20261125_001051_workflow from './20261125_001051_workflow';
import * as migration_20261125_010247_scheduling from './20261125_010247_scheduling';
import * as migration_20261125_014659_delivery from './20261125_014659_delivery';
import * as migration_20261125_020851_forbidden_term_audit from './20261125_020851_forbidden_term_audit';
import * as migration_20261125_035212_review_signals from './20261125_035212_review_signals';
import * as migration_20261204_123210_deletion_audit from './20261204_123210_deletion_audit';
import * as migration_20261204_183440_holiday_regions from './20261204_183440_holiday_regions';
import * as migration_20261204_205829_regional_locales from './20261204_205829_regional_locales';
import * as migration_20261204_210001_regional_texts from './20261204_210001_regional_texts';
import * as migration_20261205_095823_webhooks_usage_outcomes from './20261205_095823_webhooks_usage_outcomes';

export const migrations = [
  {
    up: migration_20261124_224233_initial.up,
    down: migration_20261124_224233_initial.down,
    name: '20261124_224233_initial',
  },
  {
    up: migration_20261125_001051_workflow.up,
    down: migration_20261125_001051_workflow.down,
    name: '20261125_001051_workflow',
  },
  {
    up: migration_20261125_010247_scheduling.up,
    down: migration_20261125_010247_scheduling.down,
    name: '20261125_010247_scheduling',
  },
  {
    up: migration_20261125_014659_delivery.up,
    down: migration_20261125_014659_delivery.down,
    name: '20261125_014659_delivery',
  },
  {
    up: migration_20261125_020851_forbidden_term_audit.up,
    down: migration_20261125_020851_forbidden_term_audit.down,
    name: '20261125_020851_forbidden_term_audit',
  },
  {
    up: migration_20261125_035212_review_signals.up,
    down: migration_20261125_035212_review_signals.down,
    name: '20261125_035212_review_signals',
  },
  {
    up: migration_20261204_123210_deletion_audit.up,
    down: migration_20261204_123210_deletion_audit.down,
    name: '20261204_123210_deletion_audit',
  },
  {
    up: migration_20261204_183440_holiday_regions.up,
    down: migration_20261204_183440_holiday_regions.down,
    name: '20261204_183440_holiday_regions',
  },
  {
    up: migration_20261204_205829_regional_locales.up,
    down: migration_20261204_205829_regional_locales.down,
    name: '20261204_205829_regional_locales',
  },
  {
    up: migration_20261204_210001_regional_texts.up,
    down: migration_20261204_210001_regional_texts.down,
    name: '20261204_210001_regional_texts',
  },
  {
    up: migration_20261205_095823_webhooks_usage_outcomes.up,
    down: migration_20261205_095823_webhooks_usage_outcomes.down,
    name: '20261205_095823_webhooks_usage_outcomes'
  },
];

import * as migration_20261124_224225_initial from './20261124_224225_initial';
import * as migration_20261125_001036_workflow from './20261125_001036_workflow';
import * as migration_20261125_010238_scheduling from './20261125_010238_scheduling';
import * as migration_20261125_014647_delivery from './20261125_014647_delivery';
import * as migration_20261125_035159_review_signals from './20261125_035159_review_signals';
import * as migration_20261204_183418_holiday_regions from './20261204_183418_holiday_regions';
import * as migration_20261204_210000_regional_texts from './20261204_210000_regional_texts';
import * as migration_20261205_095817_webhooks_usage_outcomes from './20261205_095817_webhooks_usage_outcomes';

export const migrations = [
  {
    up: migration_20261124_224225_initial.up,
    down: migration_20261124_224225_initial.down,
    name: '20261124_224225_initial',
  },
  {
    up: migration_20261125_001036_workflow.up,
    down: migration_20261125_001036_workflow.down,
    name: '20261125_001036_workflow',
  },
  {
    up: migration_20261125_010238_scheduling.up,
    down: migration_20261125_010238_scheduling.down,
    name: '20261125_010238_scheduling',
  },
  {
    up: migration_20261125_014647_delivery.up,
    down: migration_20261125_014647_delivery.down,
    name: '20261125_014647_delivery',
  },
  {
    up: migration_20261125_035159_review_signals.up,
    down: migration_20261125_035159_review_signals.down,
    name: '20261125_035159_review_signals',
  },
  {
    up: migration_20261204_183418_holiday_regions.up,
    down: migration_20261204_183418_holiday_regions.down,
    name: '20261204_183418_holiday_regions',
  },
  {
    up: migration_20261204_210000_regional_texts.up,
    down: migration_20261204_210000_regional_texts.down,
    name: '20261204_210000_regional_texts',
  },
  {
    up: migration_20261205_095817_webhooks_usage_outcomes.up,
    down: migration_20261205_095817_webhooks_usage_outcomes.down,
    name: '20261205_095817_webhooks_usage_outcomes'
  },
];

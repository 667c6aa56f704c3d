import * as migration_20261124_222444_initial from './20261124_222444_initial';

export const migrations = [
  {
    up: migration_20261124_222444_initial.up,
    down: migration_20261124_222444_initial.down,
    name: '20261124_222444_initial'
  },
];

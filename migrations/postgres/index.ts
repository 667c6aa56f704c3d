import * as migration_20261124_224233_initial from './20261124_224233_initial';

export const migrations = [
  {
    up: migration_20261124_224233_initial.up,
    down: migration_20261124_224233_initial.down,
    name: '20261124_224233_initial'
  },
];

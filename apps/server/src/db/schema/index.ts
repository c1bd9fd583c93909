export * from './regions.js';
export * from './people.js';
export * from './organisations.js';
export * from './accounts.js';
export * from './audit.js';
export * from './appeals.js';
export * from './open311.js';
export * from './appeal-rollups.js';

export * from './model.js';
export * from './sla.js';
export * from './categories.js';
export * from './machine.js';
export * from './access.js';
export * from './category-rules.js';
export * from './trends.js';

// Every table Carebridge owns, for drizzle-kit (migrations) and for typed queries.
export * from './ssd-person.js';
export * from './ssd-child-in-need.js';
export * from './ssd-child-in-care.js';
export * from './ssd-workforce.js';
export * from './carebridge.js';

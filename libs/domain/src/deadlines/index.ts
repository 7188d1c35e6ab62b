export * from './rule-set';
export { validateRuleSet, type RuleSetCheck } from './validate-rule-set';
export { deadlinesOf, afterOffset } from './deadlines-of';

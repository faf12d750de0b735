// Protocol-independent anomaly checkers and `expect` evaluation (see README.md for definitions).

export { evaluateExpectations } from './expectations';
export { findAnomalies } from './findAnomalies';

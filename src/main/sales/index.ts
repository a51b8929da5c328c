/**
 * Sales rules that are pure functions, shared by orders, refunds and (later) reports: the pricing
 * of a cart (`priceCart`: line discounts, order discount, tax included or added, tip, cash rounding).
 * The orders themselves live in src/main/orders, the payments in src/main/payments.
 */
export * from './pricing';

/** The shapes the checkout works with, as the API contract gives them. */
import { type ApiOutput } from '../../../../shared/api';

export type OrderView = ApiOutput<'orders.get'>['order'];
export type OrderLineView = OrderView['lines'][number];
export type Discount = NonNullable<OrderView['discount']>;
export type Tip = NonNullable<OrderView['tip']>;
export type Product = ApiOutput<'catalog.products'>['products'][number];
export type Variant = Product['variants'][number];
export type Category = ApiOutput<'catalog.categories'>['categories'][number];
export type StoreSettings = ApiOutput<'settings.get'>['settings'];

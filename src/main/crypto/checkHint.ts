import { type InvoiceRecord } from './store';
import { unitsToDecimal } from './units';

/** What the customer must check when the QR holds the address alone. */
export function checkHintOf(
  invoice: Pick<InvoiceRecord, 'amountUnits' | 'decimals' | 'asset' | 'tokenContract'>,
  network: string,
  chainId: number | null,
): string {
  const amount = `${unitsToDecimal(invoice.amountUnits, invoice.decimals)} ${invoice.asset}`;
  const where = chainId === null ? `on ${network}` : `on ${network} (chain id ${chainId})`;
  const token = invoice.tokenContract
    ? `, the token ${invoice.asset} (contract ${invoice.tokenContract})`
    : '';
  return `The code holds the address only: in the wallet, choose ${invoice.asset} ${where}${token}, and send exactly ${amount}.`;
}

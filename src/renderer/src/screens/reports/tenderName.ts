/** A tender row's name for people: "Card · visa", "Crypto · USDC@evm:137", "Cash". */
export function tenderName(tender: string, detail: string): string {
  return detail ? `${tender} · ${detail}` : tender;
}

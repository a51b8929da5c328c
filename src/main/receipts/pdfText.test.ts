import { describe, expect, it } from 'vitest';
import { isWinAnsi, moneyToWinAnsi, toWinAnsi } from './pdfText';

describe('text for the built-in PDF fonts', () => {
  it.each([
    ['Flat white', 'Flat white'],
    ['Café crème brûlée', 'Café crème brûlée'],
    ['Visa •••• 4242', 'Visa •••• 4242'],
    ['Visa ●●●● 4242', 'Visa •••• 4242'],
    ['Œuf — “bio” € 5', 'Œuf — “bio” € 5'],
    ['Łódź Kraków', 'Lódz Kraków'],
    ['Ångström ő ű', 'Ångström o u'],
    ['拿铁 latte', '?? latte'],
    ['tab\tnew\nline', 'tab new line'],
    ['bell\u0007', 'bell'],
    ['a\u202fb\u00a0c', 'a b c'],
    ['−5', '-5'],
  ])('%j → %j', (input, output) => {
    expect(toWinAnsi(input)).toBe(output);
    expect(Array.from(toWinAnsi(input)).every(isWinAnsi)).toBe(true);
  });

  it.each([
    ['$12.50', 'USD', '$12.50'],
    ['1.234,56\u00a0€', 'EUR', '1.234,56 €'],
    ['¥1,234', 'JPY', '¥1,234'],
    ['₦1,000.00', 'NGN', 'NGN 1,000.00'],
    ['-₹500.00', 'INR', '-INR 500.00'],
    ['1\u00a0000,00\u00a0₽', 'RUB', '1 000,00 RUB'],
    ['−12,50\u00a0kr', 'SEK', '-12,50 kr'],
    ['₩5,000', 'KRW', 'KRW 5,000'],
    ['0.00123456 BTC', 'BTC', '0.00123456 BTC'],
  ])('money %j in %s → %j', (formatted, currency, output) => {
    expect(moneyToWinAnsi(formatted, currency)).toBe(output);
  });
});

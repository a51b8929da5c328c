/**
 * Settings › Payments › Crypto networks, as the owner in demo mode: a Bitcoin network read from
 * Bitcoin Core (the password sent, never shown back) and then from an Electrum server with a
 * pinned certificate, an EVM chain's fail-over RPC URLs, an EVM chain added by its chain id
 * (chains.addEvm), a token's contract address refused beside the token field (by the form, and by
 * the core when no token answers there), a field error beside each bad value, the values kept
 * after a reload (hosts only, no key), and the panel's buttons inside the window at 800×1280 and
 * 1024×768.
 */
import { expect, type Page } from '@playwright/test';
import { shot, test } from './fixtures';
import { demoStaff, goTo, loginByPin } from './helpers';

async function openNetworks(page: Page) {
  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Payments' }).click();
  await expect(page.getByRole('list', { name: 'Crypto networks' })).toBeVisible();
}

test('the owner sets where each network is read, sees errors beside the fields, and the values are kept', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await openNetworks(page);

  const btc = page.getByTestId('chain-btc:regtest');
  const save = btc.getByRole('button', { name: /^Save / });
  await btc.getByRole('button', { name: 'Change the set-up' }).click();

  // Bitcoin Core: the password goes to the core and is not shown back.
  await btc.getByRole('radio', { name: 'Bitcoin Core' }).click();
  await btc.getByRole('textbox', { name: 'Bitcoin Core RPC URL' }).fill('http://127.0.0.1:18443');
  await btc.getByRole('textbox', { name: 'RPC user' }).fill('till');
  await save.click();
  await expect(btc.getByText('Enter the RPC password (it is never shown again).')).toBeVisible();
  await btc.getByLabel('RPC password').fill('hunter2-secret');
  await save.click();
  await expect(btc.getByTestId('chain-backend')).toContainText('reads Bitcoin Core 127.0.0.1');
  await expect(btc.getByLabel('RPC password')).toHaveValue('');
  await expect(page.getByText(/hunter2-secret/)).toHaveCount(0);

  // Electrum: a port of 70000 is refused beside the port, then 50002 over TLS is saved.
  await btc.getByRole('radio', { name: 'Electrum' }).click();
  await btc.getByRole('textbox', { name: 'Electrum host' }).fill('electrum.example.org');
  const port = btc.getByRole('textbox', { name: 'Electrum port' });
  await port.fill('70000');
  await save.click();
  await expect(btc.getByText('The port must be at most 65535.')).toBeVisible();
  await expect(port).toHaveAttribute('aria-invalid', 'true');
  await port.fill('50002');
  // A pinned certificate that is not 64 hex digits is refused beside its field.
  const cert = btc.getByRole('textbox', { name: 'Pinned certificate (SHA-256)' });
  await cert.fill('AB:CD:12');
  await save.click();
  const certError =
    "The pinned certificate must be the certificate's SHA-256 fingerprint: 64 hex digits, colons allowed.";
  await expect(btc.getByText(certError)).toBeVisible();
  await expect(cert).toHaveAttribute('aria-invalid', 'true');
  await cert.fill('ab:'.repeat(31) + 'ab');
  await btc.getByRole('textbox', { name: 'Confirmations' }).fill('3');
  await save.click();
  await expect(btc.getByTestId('chain-backend')).toContainText(
    'reads Electrum electrum.example.org:50002 (TLS) · certificate pinned',
  );
  await expect(btc.getByText('The port must be at most 65535.')).toHaveCount(0);
  await expect(btc.getByText(certError)).toHaveCount(0);
  await expect(cert).toHaveValue('');
  // Saved again without the fingerprint (never shown back), the server keeps its pin.
  await btc.getByRole('textbox', { name: 'Electrum port' }).fill('50002');
  await save.click();
  await expect(btc.getByTestId('chain-backend')).toContainText('certificate pinned');

  const evm = page.getByTestId('chain-evm:31337');
  // On the demo chain no token answers at an empty address: the core's refusal, beside the field.
  const demoToken = evm.getByRole('textbox', { name: 'Add a token' });
  await demoToken.fill(`0x${'1'.repeat(40)}`);
  await evm.getByRole('button', { name: /^Add token/ }).click();
  await expect(evm.getByText(/^No token could be read at 0x1{40} on Ethereum \(demo\)/)).toBeVisible();
  await expect(demoToken).toHaveAttribute('aria-invalid', 'true');
  await expect(evm.getByRole('list', { name: 'Assets on Ethereum (demo)' })).not.toContainText('0x1111');

  // An EVM chain's RPC URLs, several for fail-over, and a WebSocket URL; a bad line is named.
  await evm.getByRole('button', { name: 'Change the set-up' }).click();
  const rpc = evm.getByRole('textbox', { name: 'RPC URLs' });
  await rpc.fill('https://rpc-a.example/key-abc123\nrpc-b.example');
  await evm.getByRole('button', { name: /^Save / }).click();
  await expect(evm.getByText(/^The RPC URLs \(line 2\) must be a URL/)).toBeVisible();
  await rpc.fill('https://rpc-a.example/key-abc123\nhttps://rpc-b.example');
  await evm.getByRole('textbox', { name: 'WebSocket URLs' }).fill('wss://rpc-a.example/ws');
  await evm.getByRole('textbox', { name: 'Name' }).fill('Local EVM');
  await evm.getByRole('button', { name: /^Save / }).click();
  await expect(evm.getByTestId('chain-backend')).toContainText('reads RPC rpc-a.example, rpc-b.example');
  await expect(rpc).toHaveValue('');

  // A new EVM chain: a chain already listed is named, a bad URL is refused, then it is added.
  const add = page.getByRole('region', { name: 'Add an EVM chain' });
  await add.getByRole('textbox', { name: 'Chain id' }).fill('31337');
  await add.getByRole('textbox', { name: 'Chain name' }).fill('Base');
  await add.getByRole('textbox', { name: 'RPC URLs' }).fill('base.example');
  await add.getByRole('button', { name: 'Add chain' }).click();
  await expect(add.getByText('Chain id 31337 is Local EVM, already in the list.')).toBeVisible();
  await expect(add.getByText('Enter the coin’s symbol, e.g. ETH.')).toBeVisible();
  await add.getByRole('textbox', { name: 'Chain id' }).fill('8453');
  await add.getByRole('textbox', { name: 'Coin symbol' }).fill('ETH');
  await add.getByRole('textbox', { name: 'Confirmations' }).fill('12');
  await add.getByRole('button', { name: 'Add chain' }).click();
  await expect(add.getByText(/^The RPC URLs \(line 1\) must be a URL/)).toBeVisible();
  await add.getByRole('textbox', { name: 'RPC URLs' }).fill('https://base.example/rpc/key-xyz789');
  await add.getByRole('textbox', { name: 'WebSocket URLs' }).fill('wss://ws.base.example/key-xyz789');
  await add.getByRole('button', { name: 'Add chain' }).click();
  const base = page.getByTestId('chain-evm:8453');
  await expect(base.getByTestId('chain-backend')).toContainText(
    'reads RPC base.example · new blocks from ws.base.example · added by you',
  );
  await expect(add.getByRole('textbox', { name: 'Chain id' })).toHaveValue('');

  // A token's contract address that is not one is refused beside the token field.
  const token = base.getByRole('textbox', { name: 'Add a token' });
  await token.fill('0x12');
  await base.getByRole('button', { name: /^Add token/ }).click();
  await expect(
    base.getByText('The token contract must be a contract address: 0x and 40 hex digits.'),
  ).toBeVisible();
  await expect(token).toHaveAttribute('aria-invalid', 'true');
  await expect(base.getByRole('list', { name: 'Assets on Base' })).toContainText('ETH');
  await shot(page, 'crypto-networks-forms');

  // Kept in the core: after a reload the panel shows the same, and no secret or key.
  await page.reload();
  await openNetworks(page);
  await btc.getByRole('button', { name: 'Change the set-up' }).click();
  await evm.getByRole('button', { name: 'Change the set-up' }).click();
  await expect(btc.getByTestId('chain-backend')).toContainText(
    'reads Electrum electrum.example.org:50002 (TLS)',
  );
  await expect(btc.getByRole('radio', { name: 'Electrum' })).toHaveAttribute('aria-checked', 'true');
  await expect(btc.getByRole('textbox', { name: 'Electrum host' })).toHaveValue('electrum.example.org');
  await expect(btc.getByRole('textbox', { name: 'Electrum port' })).toHaveValue('50002');
  await expect(btc.getByRole('textbox', { name: 'Confirmations' })).toHaveValue('3');
  await expect(evm.getByRole('textbox', { name: 'Name' })).toHaveValue('Local EVM');
  await expect(evm.getByTestId('chain-backend')).toContainText('reads RPC rpc-a.example, rpc-b.example');
  await expect(btc.getByTestId('chain-backend')).toContainText('certificate pinned');
  await expect(btc.getByRole('textbox', { name: 'Pinned certificate (SHA-256)' })).toHaveValue('');
  await expect(base.getByTestId('chain-backend')).toContainText(
    'reads RPC base.example · new blocks from ws.base.example · added by you',
  );
  await base.getByRole('button', { name: 'Change the set-up' }).click();
  await expect(base.getByRole('textbox', { name: 'Name' })).toHaveValue('Base');
  await expect(base.getByRole('textbox', { name: 'Confirmations' })).toHaveValue('12');
  await expect(base.getByRole('textbox', { name: 'RPC URLs' })).toHaveValue('');
  await expect(page.getByText(/hunter2-secret|key-abc123|key-xyz789/)).toHaveCount(0);
  const values = await page
    .locator('input, textarea')
    .evaluateAll((fields) => fields.map((field) => (field as HTMLInputElement).value));
  expect(values.filter((value) => /key-|hunter2/.test(value))).toEqual([]);

  // The pin is removed only when asked.
  await btc.getByRole('switch', { name: 'Remove the pinned certificate' }).click();
  await save.click();
  await expect(btc.getByTestId('chain-backend')).not.toContainText('certificate pinned');
  await expect(btc.getByTestId('chain-backend')).toContainText(
    'reads Electrum electrum.example.org:50002 (TLS)',
  );
  await expect(btc.getByRole('switch', { name: 'Remove the pinned certificate' })).toHaveCount(0);
});

test('the networks panel keeps its buttons inside the window at 800×1280 and 1024×768', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await openNetworks(page);
  const panel = page.getByRole('region', { name: 'Crypto networks', exact: true });
  const btc = page.getByTestId('chain-btc:regtest');
  await btc.getByRole('button', { name: 'Change the set-up' }).click();
  await expect(btc.getByRole('button', { name: 'Change the set-up' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await btc.getByRole('radio', { name: 'Bitcoin Core' }).click();
  await page.getByTestId('chain-evm:31337').getByRole('button', { name: 'Change the set-up' }).click();
  for (const [width, height] of [
    [800, 1280],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    const buttons = panel.getByRole('button');
    await expect(buttons.first()).toBeVisible();
    const outside = await buttons.evaluateAll(
      (elements, windowWidth) =>
        elements
          .map((element) => ({ text: element.textContent ?? '', box: element.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && (box.left < 0 || box.right > windowWidth))
          .map(({ text }) => text),
      width,
    );
    expect(outside, `${width}×${height}`).toEqual([]);
    const scrolls = await panel.evaluate((element) => element.scrollWidth > element.clientWidth + 1);
    expect(scrolls, `${width}×${height}`).toBe(false);
    await shot(page, `crypto-networks-${width}x${height}`);
  }
});

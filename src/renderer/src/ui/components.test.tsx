import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Badge } from './Badge';
import { Button } from './Button';
import { EmptyState } from './EmptyState';
import { IconButton } from './IconButton';
import { CloseIcon } from './icons';
import { Keypad } from './Keypad';
import { Money } from './Money';
import { NumberField } from './NumberField';
import { PinPad } from './PinPad';
import { Select } from './Select';
import { StatusPill } from './StatusPill';
import { Table } from './Table';
import { TextField } from './TextField';

const html = (node: React.ReactNode) => renderToStaticMarkup(node);

describe('Button', () => {
  it.each([
    ['primary', 'md'],
    ['secondary', 'lg'],
    ['danger', 'xl'],
    ['ghost', 'md'],
  ] as const)('%s/%s carries its variant and size classes', (variant, size) => {
    expect(
      html(
        <Button variant={variant} size={size}>
          Pay
        </Button>,
      ),
    ).toContain(`btn--${variant} btn--${size}`);
  });

  it('while loading is busy, disabled, and keeps its label', () => {
    const markup = html(<Button loading>Charge $12.50</Button>);
    expect(markup).toContain('aria-busy="true"');
    expect(markup).toContain('disabled=""');
    expect(markup).toContain('Charge $12.50');
    expect(markup).toContain('class="spinner"');
  });

  it('is type="button" unless told otherwise (no accidental form submits)', () => {
    expect(html(<Button>Go</Button>)).toContain('type="button"');
    expect(html(<Button type="submit">Go</Button>)).toContain('type="submit"');
  });
});

describe('IconButton', () => {
  it('is named by its label and shows it as a tooltip', () => {
    const markup = html(<IconButton label="Close" icon={<CloseIcon />} />);
    expect(markup).toContain('aria-label="Close"');
    expect(markup).toContain('title="Close"');
    expect(markup).toContain('aria-hidden="true"');
  });
});

describe('TextField', () => {
  it('ties its label to the input', () => {
    const markup = html(<TextField label="Owner’s name" id="owner" />);
    expect(markup).toContain('<label for="owner"');
    expect(markup).toContain('id="owner"');
  });

  it('points at its error text and marks itself invalid', () => {
    const markup = html(
      <TextField label="PIN" id="pin" error="A PIN is 4 to 8 digits." hint="Digits only" />,
    );
    expect(markup).toContain('aria-invalid="true"');
    expect(markup).toContain('aria-describedby="pin-error"');
    expect(markup).toContain('id="pin-error"');
    expect(markup).toContain('A PIN is 4 to 8 digits.');
    expect(markup).not.toContain('Digits only');
  });

  it('points at its hint when there is no error', () => {
    const markup = html(<TextField label="PIN" id="pin" hint="Digits only" />);
    expect(markup).toContain('aria-describedby="pin-hint"');
    expect(markup).not.toContain('aria-invalid');
  });
});

describe('NumberField', () => {
  it('is a text input with a decimal keyboard for amounts and a numeric one for counts', () => {
    const amount = html(
      <NumberField label="Amount" value="12.5" onValueChange={() => {}} maxFractionDigits={2} />,
    );
    expect(amount).toContain('type="text"');
    expect(amount).toContain('inputMode="decimal"');
    expect(amount).toContain('value="12.5"');
    const count = html(<NumberField label="Quantity" value="3" onValueChange={() => {}} />);
    expect(count).toContain('inputMode="numeric"');
  });
});

describe('Select', () => {
  it('renders its options with the chosen one selected', () => {
    const markup = html(
      <Select
        label="Role"
        value="manager"
        onValueChange={() => {}}
        options={[
          { value: 'cashier', label: 'Cashier' },
          { value: 'manager', label: 'Manager' },
        ]}
      />,
    );
    expect(markup).toContain('<option value="manager" selected="">Manager</option>');
  });
});

describe('Money', () => {
  it.each([
    [{ amount: '1250', asset: 'USD' }, '$12.50'],
    [{ amount: '100000000', asset: 'BTC' }, '1.00 BTC'],
  ])('shows %o as %s with tabular numerals', (value, text) => {
    const markup = html(<Money value={value} data-testid="cart-total" />);
    expect(markup).toContain(text);
    expect(markup).toContain('class="money money--md"');
    expect(markup).toContain('data-testid="cart-total"');
  });

  it('marks negative amounts when signed', () => {
    expect(html(<Money value={{ amount: '-500', asset: 'USD' }} signed />)).toContain('money--negative');
  });
});

describe('Table', () => {
  const columns = [
    { key: 'name', header: 'Name', cell: (row: { id: string; name: string }) => row.name },
    { key: 'id', header: 'Id', cell: (row: { id: string; name: string }) => row.id, align: 'end' as const },
  ];

  it('has a caption for screen readers, column headers and aligned cells', () => {
    const markup = html(
      <Table
        caption="Staff"
        columns={columns}
        rows={[{ id: 'a1', name: 'Maya' }]}
        rowKey={(row) => row.id}
      />,
    );
    expect(markup).toContain('<caption class="visually-hidden">Staff</caption>');
    expect(markup).toContain('<th scope="col" class="">Name</th>');
    expect(markup).toContain('<td class="align-end">a1</td>');
  });

  it('says so when there are no rows', () => {
    const markup = html(
      <Table caption="Staff" columns={columns} rows={[]} rowKey={(row) => row.id} empty="No staff yet" />,
    );
    expect(markup).toContain('colSpan="2"');
    expect(markup).toContain('No staff yet');
  });
});

describe('Keypad and PinPad', () => {
  it('names every key, including those shown as symbols', () => {
    const markup = html(<Keypad value="" onChange={() => {}} maxFractionDigits={2} label="Amount keypad" />);
    expect(markup).toContain('role="group" aria-label="Amount keypad"');
    expect(markup).toContain('aria-label="Double zero"');
    expect(markup).toContain('aria-label="Decimal point"');
    expect(markup).toContain('aria-label="Backspace"');
    expect(markup).toContain('>Clear<');
  });

  it('disables the point for whole numbers', () => {
    const markup = html(<Keypad value="" onChange={() => {}} maxFractionDigits={0} />);
    expect(markup).toMatch(/aria-label="Decimal point" disabled=""/);
  });

  it('shows one empty dot per digit to come and an alert region for errors', () => {
    const markup = html(<PinPad label="PIN for Maya" onSubmit={async () => {}} error="Wrong PIN" />);
    expect(markup.match(/class="pinpad__dot"/g)).toHaveLength(4);
    expect(markup).toContain('role="alert">Wrong PIN<');
    expect(markup).toContain('aria-label="Enter PIN"');
    expect(markup).toContain('aria-label="Delete last digit"');
  });
});

describe('Badge, StatusPill, EmptyState', () => {
  it('carry their tone and their words', () => {
    expect(html(<Badge tone="demo">Demo mode</Badge>)).toBe(
      '<span class="badge badge--demo">Demo mode</span>',
    );
    const pill = html(<StatusPill tone="success">OK</StatusPill>);
    expect(pill).toContain('status-pill--success');
    expect(pill).toContain('aria-hidden="true"');
    expect(pill).toContain('OK');
  });

  it('an empty state has a heading and says what to do', () => {
    const markup = html(<EmptyState title="No orders yet">Sales you ring up appear here.</EmptyState>);
    expect(markup).toContain('<h2 class="empty-state__title">No orders yet</h2>');
    expect(markup).toContain('Sales you ring up appear here.');
  });
});

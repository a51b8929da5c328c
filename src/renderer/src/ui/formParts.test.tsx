import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormSection } from './FormSection';
import { LoadError } from './LoadError';
import { LoadingPanel } from './LoadingPanel';
import { ReasonField } from './ReasonField';
import { SegmentedField } from './SegmentedField';

const html = (node: React.ReactNode) => renderToStaticMarkup(node);
const choices = ['Supplies', 'Delivery'];

describe('ReasonField', () => {
  it('is a "Reason" field, then a named group of pills; the pill of the typed reason is pressed', () => {
    const markup = html(
      <ReasonField value="Delivery" onChange={() => {}} choices={choices} choicesLabel="Quick picks" />,
    );
    expect(markup.indexOf('>Reason</label>')).toBeLessThan(markup.indexOf('role="group"'));
    expect(markup).toContain('class="quick-reasons" role="group" aria-label="Quick picks"');
    expect(markup).toContain('class="chip" aria-pressed="false">Supplies<');
    expect(markup).toContain('class="chip" aria-pressed="true">Delivery<');
    expect(markup).toContain('maxLength="200"');
    expect(markup).not.toContain('<datalist');
  });

  it('offers the choices as suggestions when asked', () => {
    const markup = html(
      <ReasonField value="" onChange={() => {}} choices={choices} choicesLabel="Quick picks" suggest />,
    );
    const listId = /list="([^"]+)"/.exec(markup)?.[1];
    expect(listId).toBeTruthy();
    expect(markup).toContain(`<datalist id="${listId}"><option value="Supplies"></option>`);
  });

  it('compact: chips above the field, the one matching the trimmed text selected', () => {
    const markup = html(
      <ReasonField
        value=" Supplies "
        onChange={() => {}}
        choices={choices}
        choicesLabel="Common reasons"
        variant="compact"
        error="Say why."
      />,
    );
    expect(markup.indexOf('role="group"')).toBeLessThan(markup.indexOf('>Reason</label>'));
    expect(markup).toContain('class="reason-chips" role="group" aria-label="Common reasons"');
    expect(markup).toContain(
      'class="choice-chip choice-chip--compact is-selected" aria-pressed="true">Supplies<',
    );
    expect(markup).toContain('role="alert">Say why.<');
  });
});

describe('SegmentedField', () => {
  it('shows a short label, names the radiogroup by the full one, and adds the hint', () => {
    const markup = html(
      <SegmentedField
        visibleLabel="Prices"
        label="Tax mode"
        value="a"
        onValueChange={() => {}}
        options={[
          { value: 'a', label: 'Added' },
          { value: 'b', label: 'Included' },
        ]}
        hint="Tax is added on top."
      />,
    );
    expect(markup).toContain('<span class="field__label" aria-hidden="true">Prices</span>');
    expect(markup).toContain('role="radiogroup" aria-label="Tax mode"');
    expect(markup).toContain('<p class="field__hint">Tax is added on top.</p>');
  });
});

describe('FormSection, LoadingPanel, LoadError', () => {
  it('a section is named by its heading and lays its fields in a grid', () => {
    const markup = html(
      <FormSection title="Money and region" columns={3}>
        <input />
      </FormSection>,
    );
    const id = /aria-labelledby="([^"]+)"/.exec(markup)?.[1];
    expect(markup).toContain(`<h3 id="${id}" class="form-section__title">Money and region</h3>`);
    expect(markup).toContain('<div class="form-grid form-grid--3"><input/></div>');
  });

  it('loading says what loads; a failure says why and offers Try again', () => {
    expect(html(<LoadingPanel label="Loading the team" />)).toContain(
      'role="status" aria-label="Loading the team"',
    );
    const markup = html(<LoadError message="The till is offline." onRetry={() => {}} />);
    expect(markup).toContain('class="load-error" role="alert"><p>The till is offline.</p>');
    expect(markup).toContain('Try again');
  });
});

/**
 * A row of tabs over one panel (Settings › Store / Taxes / This till): a tablist whose tabs are
 * 48 px buttons, arrow keys and Home/End move between them as the tabs pattern expects, and the
 * caller renders the panel with `tabPanelProps` so it is named by its tab.
 */
import { type KeyboardEvent, useRef } from 'react';
import { cx } from './cx';

export interface TabOption<V extends string> {
  value: V;
  label: string;
}

export interface TabsProps<V extends string> {
  /** Names the tab list, e.g. "Settings sections". */
  label: string;
  /** Prefix of the ids that tie tabs to the panel; unique on the page. */
  idPrefix: string;
  tabs: readonly TabOption<V>[];
  value: V;
  onValueChange: (value: V) => void;
  className?: string;
}

export function tabPanelProps(idPrefix: string, value: string) {
  return {
    role: 'tabpanel' as const,
    id: `${idPrefix}-panel-${value}`,
    'aria-labelledby': `${idPrefix}-tab-${value}`,
    tabIndex: -1,
  };
}

export function Tabs<V extends string>({
  label,
  idPrefix,
  tabs,
  value,
  onValueChange,
  className,
}: TabsProps<V>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.value === value);
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    const tab = tabs[next];
    if (!tab) return;
    event.preventDefault();
    onValueChange(tab.value);
    refs.current[next]?.focus();
  };
  return (
    <div className={cx('tabs', className)} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab, index) => {
        const selected = tab.value === value;
        return (
          <button
            key={tab.value}
            ref={(element) => {
              refs.current[index] = element;
            }}
            id={`${idPrefix}-tab-${tab.value}`}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={`${idPrefix}-panel-${tab.value}`}
            tabIndex={selected ? 0 : -1}
            className={cx('tabs__tab', selected && 'is-selected')}
            onClick={() => onValueChange(tab.value)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}

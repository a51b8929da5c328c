/**
 * A simple data table: columns declared once (header, cell renderer, alignment), rows keyed by
 * an id, a sticky header inside a scrolling box, and a message when there are no rows.
 */
import { type ReactNode } from 'react';
import { cx } from './cx';

export interface TableColumn<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Numbers and amounts align right so their digits line up. */
  align?: 'start' | 'end' | 'center';
  /** A CSS width, e.g. "30%" or "120px". */
  width?: string;
}

export interface TableProps<Row> {
  /** Names the table for screen readers (shown as a caption when `showCaption`). */
  caption: string;
  showCaption?: boolean;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty?: ReactNode;
  /** Called when a row is tapped (the row then also answers Enter). */
  onRowClick?: (row: Row) => void;
  /** Limits the height; the header stays in view while the body scrolls. */
  maxHeight?: string;
  className?: string;
}

export function Table<Row>({
  caption,
  showCaption = false,
  columns,
  rows,
  rowKey,
  empty = 'Nothing to show.',
  onRowClick,
  maxHeight,
  className,
}: TableProps<Row>) {
  return (
    <div className={cx('table-wrap', className)} style={maxHeight ? { maxHeight } : undefined}>
      <table className="table">
        <caption className={showCaption ? 'table__caption' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={cx(column.align && `align-${column.align}`)}
                style={column.width ? { width: column.width } : undefined}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table__empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr
                key={rowKey(row)}
                className={cx(onRowClick && 'is-clickable')}
                tabIndex={onRowClick ? 0 : undefined}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
                onKeyDown={
                  onRowClick
                    ? (event) => {
                        if (event.key === 'Enter') onRowClick(row);
                      }
                    : undefined
                }
              >
                {columns.map((column) => (
                  <td key={column.key} className={cx(column.align && `align-${column.align}`)}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

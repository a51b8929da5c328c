/**
 * The app's line icons, drawn on a 24×24 grid with round strokes in the current text colour.
 * They are decoration: each is aria-hidden, and the control around it carries the name.
 */
import { type ReactNode } from 'react';

export interface IconProps {
  /** Edge length in px. */
  size?: number;
  className?: string;
}

function icon(paths: ReactNode) {
  return function Icon({ size = 24, className }: IconProps) {
    return (
      <svg
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.9}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        className={className}
      >
        {paths}
      </svg>
    );
  };
}

export const CheckoutIcon = icon(
  <>
    <path d="M3 4h2.2l2.1 10.2a1.6 1.6 0 0 0 1.6 1.3h8.4a1.6 1.6 0 0 0 1.6-1.2L20.5 8H6.2" />
    <circle cx="9.5" cy="19.5" r="1.3" />
    <circle cx="17" cy="19.5" r="1.3" />
  </>,
);

export const OrdersIcon = icon(
  <>
    <path d="M6 3h12v18l-3-1.8-3 1.8-3-1.8L6 21z" />
    <path d="M9 8h6M9 12h6M9 16h3.5" />
  </>,
);

export const CustomersIcon = icon(
  <>
    <circle cx="9" cy="8.5" r="3.2" />
    <path d="M3.5 19.5c.7-3.2 2.8-5 5.5-5s4.8 1.8 5.5 5" />
    <path d="M15.5 5.6a3.1 3.1 0 0 1 0 5.8M17.6 14.8c1.5.6 2.5 2 2.9 4.7" />
  </>,
);

export const ReportsIcon = icon(
  <>
    <path d="M4 20h16" />
    <path d="M7 16.5V11M12 16.5V6.5M17 16.5v-4" />
  </>,
);

export const SettingsIcon = icon(
  <>
    <path d="M4 6.5h9M17 6.5h3M4 12h3M11 12h9M4 17.5h11M19 17.5h1" />
    <circle cx="15" cy="6.5" r="2" />
    <circle cx="9" cy="12" r="2" />
    <circle cx="17" cy="17.5" r="2" />
  </>,
);

export const LockIcon = icon(
  <>
    <rect x="5" y="10.5" width="14" height="10" rx="2.2" />
    <path d="M8.5 10.5V7.8a3.5 3.5 0 0 1 7 0v2.7" />
  </>,
);

export const LogOutIcon = icon(
  <>
    <path d="M10 4H6.5A1.5 1.5 0 0 0 5 5.5v13A1.5 1.5 0 0 0 6.5 20H10" />
    <path d="M14 8l4 4-4 4M18 12H9.5" />
  </>,
);

export const SunIcon = icon(
  <>
    <circle cx="12" cy="12" r="3.8" />
    <path d="M12 2.8v2M12 19.2v2M2.8 12h2M19.2 12h2M5.5 5.5l1.4 1.4M17.1 17.1l1.4 1.4M5.5 18.5l1.4-1.4M17.1 6.9l1.4-1.4" />
  </>,
);

export const MoonIcon = icon(<path d="M19.5 14.6A7.8 7.8 0 0 1 9.4 4.5a7.8 7.8 0 1 0 10.1 10.1z" />);

export const HelpIcon = icon(
  <>
    <circle cx="12" cy="12" r="8.8" />
    <path d="M9.6 9.5a2.5 2.5 0 0 1 4.8.9c0 1.7-2.4 2.1-2.4 3.6" />
    <path d="M12 17h.01" />
  </>,
);

export const CloseIcon = icon(<path d="M6 6l12 12M18 6L6 18" />);

export const BackspaceIcon = icon(
  <>
    <path d="M8.5 5H19a1.5 1.5 0 0 1 1.5 1.5v11A1.5 1.5 0 0 1 19 19H8.5L3 12z" />
    <path d="M11.5 9.5l5 5M16.5 9.5l-5 5" />
  </>,
);

export const CheckIcon = icon(<path d="M5 12.5l4.5 4.5L19 7.5" />);

export const ArrowRightIcon = icon(<path d="M5 12h14M13 6l6 6-6 6" />);

export const ChevronLeftIcon = icon(<path d="M15 5l-7 7 7 7" />);

export const InfoIcon = icon(
  <>
    <circle cx="12" cy="12" r="8.8" />
    <path d="M12 11v5.5M12 7.6h.01" />
  </>,
);

export const SuccessIcon = icon(
  <>
    <circle cx="12" cy="12" r="8.8" />
    <path d="M8.2 12.3l2.6 2.6 5-5.3" />
  </>,
);

export const ErrorIcon = icon(
  <>
    <circle cx="12" cy="12" r="8.8" />
    <path d="M12 7.5v5.5M12 16.4h.01" />
  </>,
);

export const RefreshIcon = icon(
  <>
    <path d="M19.5 12a7.5 7.5 0 1 1-2.2-5.3" />
    <path d="M19.5 4.5v4h-4" />
  </>,
);

export const StoreIcon = icon(
  <>
    <path d="M4 9.5V20h16V9.5" />
    <path d="M3 9.5l1.8-5.5h14.4L21 9.5a3 3 0 0 1-6 0 3 3 0 0 1-6 0 3 3 0 0 1-6 0z" />
    <path d="M10 20v-5h4v5" />
  </>,
);

export const MonitorIcon = icon(
  <>
    <rect x="3" y="4" width="18" height="12.5" rx="2" />
    <path d="M8.5 20.5h7M12 16.5v4" />
  </>,
);

export const KeyIcon = icon(
  <>
    <circle cx="8" cy="15" r="4" />
    <path d="M10.9 12.1L19 4M16 7l2.5 2.5M14 9l2 2" />
  </>,
);

export const KeyboardIcon = icon(
  <>
    <rect x="2.5" y="6" width="19" height="12" rx="2" />
    <path d="M6.5 10h.01M10 10h.01M14 10h.01M17.5 10h.01M8 14h8" />
  </>,
);

/** A cash drawer: the Shift section. */
export const ShiftIcon = icon(
  <>
    <rect x="3" y="10" width="18" height="9.5" rx="2" />
    <path d="M3 14.5h18M10 17h4" />
    <path d="M6.5 10V5.5h11V10M9.5 8h5" />
  </>,
);

/** A price tag: the Products section. */
export const ProductsIcon = icon(
  <>
    <path d="M3.5 12.6V4.5a1 1 0 0 1 1-1h8.1a1 1 0 0 1 .7.3l7.2 7.2a1.6 1.6 0 0 1 0 2.3l-6.8 6.8a1.6 1.6 0 0 1-2.3 0l-7.2-7.2a1 1 0 0 1-.3-.7z" />
    <circle cx="8.5" cy="8.5" r="1.6" />
  </>,
);

/** An id badge: the Staff section. */
export const StaffIcon = icon(
  <>
    <rect x="4" y="3.5" width="16" height="17" rx="2.5" />
    <circle cx="12" cy="10" r="2.7" />
    <path d="M7.8 17.2c.6-2 2.2-3.2 4.2-3.2s3.6 1.2 4.2 3.2" />
  </>,
);

export const PlusIcon = icon(<path d="M12 5v14M5 12h14" />);

export const MinusIcon = icon(<path d="M5 12h14" />);

export const SearchIcon = icon(
  <>
    <circle cx="10.5" cy="10.5" r="6" />
    <path d="M15 15l5 5" />
  </>,
);

export const PrintIcon = icon(
  <>
    <path d="M7 8V3.5h10V8" />
    <rect x="3.5" y="8" width="17" height="8.5" rx="2" />
    <path d="M7 13.5h10v7H7z" />
  </>,
);

export const UploadIcon = icon(
  <>
    <path d="M12 15.5V4M7.5 8.5L12 4l4.5 4.5" />
    <path d="M4 15v3.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V15" />
  </>,
);

export const DownloadIcon = icon(
  <>
    <path d="M12 4v11.5M7.5 11L12 15.5l4.5-4.5" />
    <path d="M4 15v3.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V15" />
  </>,
);

export const ImageIcon = icon(
  <>
    <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
    <circle cx="9" cy="10" r="1.8" />
    <path d="M20.5 16l-4.8-4.8L6 19.5" />
  </>,
);

export const BoxIcon = icon(
  <>
    <path d="M3.5 7.5L12 3.5l8.5 4v9L12 20.5l-8.5-4z" />
    <path d="M3.5 7.5L12 11.5l8.5-4M12 11.5v9" />
  </>,
);

export const HistoryIcon = icon(
  <>
    <path d="M4.5 12a7.5 7.5 0 1 0 2.2-5.3L4.5 9" />
    <path d="M4.5 4.5V9H9M12 8v4.5l3 2" />
  </>,
);

export const TrashIcon = icon(
  <>
    <path d="M4.5 7h15M9.5 7V4.5h5V7" />
    <path d="M6.5 7l.9 12.5h9.2L17.5 7M10 11v5M14 11v5" />
  </>,
);

export const CashIcon = icon(
  <>
    <rect x="2.5" y="6" width="19" height="12" rx="2" />
    <circle cx="12" cy="12" r="2.6" />
    <path d="M6 9.5v5M18 9.5v5" />
  </>,
);

export const CardIcon = icon(
  <>
    <rect x="2.5" y="5" width="19" height="14" rx="2" />
    <path d="M2.5 9.5h19M6 15h4" />
  </>,
);

export const CryptoIcon = icon(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M9.5 7.5v9M9.5 7.5h3.5a2.1 2.1 0 0 1 0 4.2H9.5M9.5 11.7H13.6a2.4 2.4 0 0 1 0 4.8H9.5M11 6v1.5M11 16.5V18" />
  </>,
);

export const CoinsIcon = icon(
  <>
    <ellipse cx="9" cy="7" rx="6" ry="2.8" />
    <path d="M3 7v5c0 1.5 2.7 2.8 6 2.8M15 7v2" />
    <ellipse cx="15" cy="13" rx="6" ry="2.8" />
    <path d="M9 13v4.2c0 1.5 2.7 2.8 6 2.8s6-1.3 6-2.8V13" />
  </>,
);

export const TagIcon = icon(
  <>
    <path d="M3.5 12.3V4.5a1 1 0 0 1 1-1h7.8l8.2 8.2a1 1 0 0 1 0 1.4l-7.4 7.4a1 1 0 0 1-1.4 0z" />
    <circle cx="8" cy="8" r="1.4" />
  </>,
);

export const GridIcon = icon(
  <>
    <rect x="4" y="4" width="6.5" height="6.5" rx="1.2" />
    <rect x="13.5" y="4" width="6.5" height="6.5" rx="1.2" />
    <rect x="4" y="13.5" width="6.5" height="6.5" rx="1.2" />
    <rect x="13.5" y="13.5" width="6.5" height="6.5" rx="1.2" />
  </>,
);

export const KeypadIcon = icon(
  <>
    <circle cx="6.5" cy="5.5" r="1.3" />
    <circle cx="12" cy="5.5" r="1.3" />
    <circle cx="17.5" cy="5.5" r="1.3" />
    <circle cx="6.5" cy="11" r="1.3" />
    <circle cx="12" cy="11" r="1.3" />
    <circle cx="17.5" cy="11" r="1.3" />
    <circle cx="6.5" cy="16.5" r="1.3" />
    <circle cx="12" cy="16.5" r="1.3" />
    <circle cx="17.5" cy="16.5" r="1.3" />
  </>,
);

export const ReceiptIcon = icon(
  <>
    <path d="M5.5 3.5h13v17l-2.2-1.5-2.1 1.5-2.2-1.5-2.2 1.5-2.1-1.5-2.2 1.5z" />
    <path d="M9 8h6M9 11.5h6M9 15h3.5" />
  </>,
);

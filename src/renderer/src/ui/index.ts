/**
 * The design system: the controls and surfaces every screen is built from. Touch targets are at
 * least 48 px, every control has an accessible name, colours and sizes come from the CSS custom
 * properties in styles/tokens.css (light and dark themes). Also: toasts (`toast.success/error/
 * info` + `<Toaster/>`), the store's display locale, and the pure rules behind the keypads.
 */
export { Avatar, avatarHue, type AvatarProps } from './Avatar';
export { Badge, type BadgeProps, type Tone } from './Badge';
export { Button, type ButtonProps, type ButtonSize, type ButtonVariant } from './Button';
export { Card, type CardProps } from './Card';
export { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog';
export { cx } from './cx';
export { Dialog, type DialogProps } from './Dialog';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { ErrorBoundary, type ErrorBoundaryProps, failureMessage } from './ErrorBoundary';
export { errorMessage, fieldErrorsOf, inputIssuesOf, issueSentence } from './errorMessage';
export { Field, type FieldProps } from './Field';
export { focusableIn, isModalOpen } from './focus';
export { focusFirstInvalid } from './focusFirstInvalid';
export { formatAmount, type FormattedAmount, type MoneyValue } from './formatAmount';
export { FormDialog, type FormDialogProps } from './FormDialog';
export { FormSection, type FormSectionProps } from './FormSection';
export * from './icons';
export { IconButton, type IconButtonProps } from './IconButton';
export { Keypad, type KeypadProps } from './Keypad';
export {
  applyKeypadKey,
  isTypingTarget,
  type KeypadKey,
  keypadKeyFromKeyboard,
  type KeypadRules,
} from './keypadInput';
export { LoadError, type LoadErrorProps } from './LoadError';
export { LoadingPanel, type LoadingPanelProps } from './LoadingPanel';
export {
  defaultLocale,
  displayTimeZone,
  setDisplayLocale,
  setDisplayTimeZone,
  useDisplayClock,
  useDisplayLocale,
} from './locale';
export { Money, type MoneyProps } from './Money';
export { MoneyField, type MoneyFieldProps } from './MoneyField';
export {
  minorToInputText,
  type MoneyInputOptions,
  type MoneyInputResult,
  parseMoneyInput,
} from './moneyInput';
export { NumberField, type NumberFieldProps } from './NumberField';
export { acceptNumberInput, numberTextProblem, type NumberInputRules } from './numberInput';
export { QuantityField, type QuantityFieldProps } from './QuantityField';
export { maxLineQuantity, type QuantityInputResult, readQuantity } from './quantityInput';
export { PageHeader, type PageHeaderProps } from './PageHeader';
export { PinPad, type PinPadProps } from './PinPad';
export { ReasonField, type ReasonFieldProps } from './ReasonField';
export { SegmentedControl, type SegmentedControlProps, type SegmentedOption } from './SegmentedControl';
export { SegmentedField, type SegmentedFieldProps } from './SegmentedField';
export { Select, type SelectOption, type SelectProps } from './Select';
export { Spinner, type SpinnerProps } from './Spinner';
export { StatusPill, type StatusPillProps } from './StatusPill';
export { Switch, type SwitchProps } from './Switch';
export { Table, type TableColumn, type TableProps } from './Table';
export { type TabOption, tabPanelProps, Tabs, type TabsProps } from './Tabs';
export { TextArea, type TextAreaProps } from './TextArea';
export { TextField, type TextFieldProps } from './TextField';
export { toast, type Toast, type ToastOptions, toastStore, type ToastTone, useToasts } from './toastStore';
export { Toaster } from './Toaster';
export { useKeyboardKeys } from './useKeyboardKeys';

/**
 * Keeps one part of the till (a screen, a dialog) from blanking the whole window when it throws
 * while drawing: the part is replaced by a panel that says what failed and why, with Try again;
 * the top bar, the navigation and every other part keep working. What failed is also written to
 * the console (and to `window.__tillpointFailures` for diagnostics) with the component stack.
 * `resetKey` clears the failure when it changes (e.g. another section was opened).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from './Button';

export interface ErrorBoundaryProps {
  /** What this part is, for people: "the Orders screen", "the Refund dialog". */
  what: string;
  children: ReactNode;
  /** A change of this value clears a failure shown. */
  resetKey?: unknown;
  /** Extra actions beside Try again (e.g. Close for a dialog). */
  actions?: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

export interface RecordedFailure {
  what: string;
  message: string;
  at: string;
}

declare global {
  interface Window {
    __tillpointFailures?: RecordedFailure[];
  }
}

/** The message of anything thrown, as a person reads it. */
export function failureMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  return 'Something unexpected went wrong.';
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(failureMessage(error)) };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const failure: RecordedFailure = {
      what: this.props.what,
      message: failureMessage(error),
      at: new Date().toISOString(),
    };
    if (typeof window !== 'undefined') {
      window.__tillpointFailures = [...(window.__tillpointFailures ?? []).slice(-19), failure];
    }
    console.error(`Tillpoint: ${this.props.what} failed: ${failure.message}`, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="error-boundary" role="alert">
        <p className="error-boundary__title">
          Something went wrong in {this.props.what}. The rest of the till still works.
        </p>
        <p className="error-boundary__detail">What failed: {failureMessage(error)}</p>
        <div className="error-boundary__actions">
          <Button variant="primary" onClick={() => this.setState({ error: null })}>
            Try again
          </Button>
          {this.props.actions}
        </div>
      </div>
    );
  }
}

/**
 * Lets the app hear about every failed call, whoever made it: a Transport wrapper that reports
 * each error with the handler name and the staff session it was sent with. The app uses it to
 * notice an expired session from any screen and return to the login screen.
 */
import { type ApiError, type Transport } from '../../../shared/api';

export type CallErrorListener = (failure: { name: string; error: ApiError; session: string | null }) => void;

export function observeCallErrors(transport: Transport): {
  transport: Transport;
  onCallError: (listener: CallErrorListener) => () => void;
} {
  const listeners = new Set<CallErrorListener>();
  return {
    transport: {
      async invoke(name, input, session) {
        const result = await transport.invoke(name, input, session);
        if (!result.ok) {
          for (const listener of listeners) listener({ name, error: result.error, session });
        }
        return result;
      },
      on: (listener) => transport.on(listener),
    },
    onCallError(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The page's one way to the core: a typed client over whichever door this page was opened
 * through (Electron's preload, or the headless host). Screens import `client` from here;
 * `onCallError` hears every failed call (the app watches it for expired sessions).
 */
import { createClient, type TillpointClient } from '../../../shared/api';
import { observeCallErrors } from './callErrors';
import { httpTransport, ipcTransport } from './transports';

export { ApiCallError } from '../../../shared/api';
export { forgetPairingToken, hasPairingToken, PairingRequiredError, savePairingToken } from './transports';
export { type CallErrorListener } from './callErrors';

const observed = observeCallErrors(window.tillpoint ? ipcTransport(window.tillpoint) : httpTransport(''));

export const client: TillpointClient = createClient(observed.transport);

export const onCallError = observed.onCallError;

export const door: 'electron' | 'browser' = window.tillpoint ? 'electron' : 'browser';

/** The headless host door: HTTP + WebSocket server over the core, and its command line. */
export { createHostServer, type HostOptions } from './server';
export { serve, parseCommandLine, UsageError, type ServeOptions } from './cli';
export { loadOrCreateToken, tokenFileName } from './token';
export { defaultDataDir } from './paths';
export { apiListing } from './listing';
export { hostContentSecurityPolicy, browserHostFor } from './security';
export { mintLoginCode, redeemLoginCode, loginCodeTtlMs } from './loginCodes';
export { accessCookieName, csrfHeaderName } from './browserAccess';

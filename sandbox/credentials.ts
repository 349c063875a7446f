/**
 * The sandbox's fixed development credentials: the "Partner app" that the sandbox store knows. They are
 * public on purpose (printed in the README) and are refused outside the sandbox: no real shop knows them.
 */
export const SANDBOX_API_KEY = 'tacto-sandbox-api-key';
export const SANDBOX_API_SECRET = 'tacto-sandbox-api-secret-do-not-use-in-production';
export const SANDBOX_SHOP_DOMAIN = 'tacto-demo.sandbox.test';

// Shopify's app packages ship ESM builds but no "exports" map, so a bare import loads their CommonJS
// build, which in turn loads the CommonJS copy of @shopify/shopify-api: its error classes and its
// replaceable fetch would then differ from the ESM copy the rest of Tacto imports. Importing their ESM
// entry points keeps one copy of Shopify's library in the process; these declarations give them types.
declare module '@shopify/shopify-app-express/dist/esm/index.mjs' {
  export * from '@shopify/shopify-app-express';
}
declare module '@shopify/shopify-app-session-storage-drizzle/dist/esm/drizzle.mjs' {
  export * from '@shopify/shopify-app-session-storage-drizzle';
}

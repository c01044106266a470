/**
 * src/contract/text.ts describes the export answer as Node's `Buffer` (the server sends bytes).
 * The browser never sees that schema's value, but the type-only import of the contract needs the
 * name to exist; the web app is compiled without Node's types, so it is declared here.
 */
declare class Buffer extends Uint8Array {}

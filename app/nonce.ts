import { createContext, useContext } from "react";

/**
 * This response's CSP nonce, for the inline scripts Remix writes. Only the
 * server knows it; in the browser it is empty (browsers hide nonces from the DOM).
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set by the Express edge (app/edge/headers.server.ts); absent when routes are called directly. */
    cspNonce?: string;
  }
}

/** Fields every transport event carries. URLs are redacted; headers and bodies are never included. */
export interface TransportEvent {
  /** One id per logical request, shared by its retries. */
  requestId: string;
  attempt: number;
  method: string;
  url: string;
  operation: string | undefined;
}

/** Observers for metrics and tracing. They must not throw. */
export interface TransportHooks {
  onRequest?(event: TransportEvent): void;
  onResponse?(event: TransportEvent & { status: number; durationMs: number }): void;
  onRetry?(event: TransportEvent & { delayMs: number; reason: string; status?: number }): void;
  onGiveUp?(event: TransportEvent & { reason: string; status?: number }): void;
}

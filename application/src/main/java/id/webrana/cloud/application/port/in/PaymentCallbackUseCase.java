package id.webrana.cloud.application.port.in;

/**
 * A payment gateway tells us a transaction's status changed. Exactly once: the payment is recorded
 * once per (gateway, reference) however often the callback is delivered, and it is acknowledged only
 * once it is durably recorded.
 */
public interface PaymentCallbackUseCase {

    /**
     * @param rawBody   the request body exactly as received (the signature covers these bytes)
     * @param signature the gateway's signature header
     * @param event     the gateway's event header (Tripay: {@code payment_status})
     */
    CallbackResult handleCallback(byte[] rawBody, String signature, String event);

    /**
     * @param accepted true when the gateway should consider the callback delivered
     * @param outcome  what was done, e.g. SETTLED_INVOICE, DUPLICATE, REFUSED_SIGNATURE
     * @param message  for the gateway's log
     */
    record CallbackResult(boolean accepted, String outcome, String message) {
    }
}

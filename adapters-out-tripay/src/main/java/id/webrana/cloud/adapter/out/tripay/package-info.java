/**
 * Tripay (tripay.co.id) adapter for the {@link id.webrana.cloud.application.port.out.PaymentGateway} port: closed
 * payments, channel list, transaction detail, and callback verification.
 *
 * <ul>
 *   <li>{@link id.webrana.cloud.adapter.out.tripay.TripayApi}: the MicroProfile Rest Client interface (wire level,
 *       returns raw {@code Response}s so that every answer is judged by Tripay's {@code success} envelope).</li>
 *   <li>{@link id.webrana.cloud.adapter.out.tripay.TripayCreateTransactionBody}: the JSON-B record of the create
 *       request; answers are read leniently with JSON-P by {@code TripayJson}.</li>
 *   <li>{@link id.webrana.cloud.adapter.out.tripay.TripayClient}: the plain-Java core (anti-corruption layer, error
 *       classification, retries of idempotent reads), usable without a CDI container.</li>
 *   <li>{@link id.webrana.cloud.adapter.out.tripay.TripayPaymentGateway}: the CDI bean the application injects,
 *       adding the channel cache and MicroProfile Fault Tolerance around the core.</li>
 *   <li>{@link id.webrana.cloud.adapter.out.tripay.TripaySignatures}: the HMAC-SHA256 signatures (transaction,
 *       callback over the raw body bytes, constant-time verification).</li>
 *   <li>{@link id.webrana.cloud.adapter.out.tripay.TripaySettings}: credentials, base URL and timeouts (real Tripay
 *       when {@code TRIPAY_API_KEY} and friends are set, otherwise the built-in simulator).</li>
 * </ul>
 */
package id.webrana.cloud.adapter.out.tripay;

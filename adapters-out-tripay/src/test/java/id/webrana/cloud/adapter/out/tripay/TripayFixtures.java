package id.webrana.cloud.adapter.out.tripay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Tripay answers as the contract shows them (docs examples, with their type quirks), and a clock to move. */
final class TripayFixtures {

    private TripayFixtures() {
    }

    /** {@code merchant/payment-channel}: an active VA, an active QRIS with a percent fee, an inactive, a redirect. */
    static final String CHANNELS = """
            {
              "success": true,
              "message": "Success",
              "data": [
                {
                  "group": "Virtual Account", "code": "BRIVA", "name": "BRI Virtual Account", "type": "direct",
                  "fee_merchant": {"flat": 0, "percent": 0},
                  "fee_customer": {"flat": 4250, "percent": 0},
                  "total_fee": {"flat": 4250, "percent": "0.00"},
                  "minimum_fee": 4000, "maximum_fee": 4500,
                  "minimum_amount": 10000, "maximum_amount": 10000000,
                  "icon_url": "https://tripay.co.id/images/payment_icon/briva.png", "active": true
                },
                {
                  "group": "E-Wallet", "code": "QRIS", "name": "QRIS by ShopeePay", "type": "direct",
                  "fee_merchant": {"flat": 0, "percent": 0},
                  "fee_customer": {"flat": 750, "percent": "0.70"},
                  "total_fee": {"flat": 750, "percent": "0.70"},
                  "minimum_fee": null, "maximum_fee": null,
                  "minimum_amount": 1000, "maximum_amount": 5000000,
                  "icon_url": null, "active": 1
                },
                {
                  "group": "Virtual Account", "code": "MYBVA", "name": "Maybank Virtual Account", "type": "direct",
                  "fee_merchant": {"flat": 4250, "percent": 0},
                  "fee_customer": {"flat": 0, "percent": 0},
                  "total_fee": {"flat": 4250, "percent": "0.00"},
                  "minimum_fee": 4000, "maximum_fee": 4500,
                  "minimum_amount": 10000, "maximum_amount": 10000000,
                  "icon_url": "https://tripay.co.id/xxxxxxxxx.png", "active": false
                },
                {
                  "group": "E-Wallet", "code": "OVO", "name": "OVO", "type": "redirect",
                  "fee_merchant": {"flat": 0, "percent": 0},
                  "fee_customer": {"flat": 0, "percent": 3},
                  "total_fee": {"flat": 0, "percent": "3.00"},
                  "minimum_fee": 1000, "maximum_fee": 0,
                  "minimum_amount": 1000, "maximum_amount": 10000000,
                  "icon_url": "https://tripay.co.id/images/payment_icon/ovo.png", "active": true
                }
              ]
            }
            """;

    /** {@code merchant/payment-channel} with one active channel only (to tell two answers apart). */
    static final String CHANNELS_ONLY_QRIS = """
            {"success": true, "message": "Success", "data": [
              {"group": "E-Wallet", "code": "QRIS", "name": "QRIS", "type": "direct",
               "fee_customer": {"flat": 750, "percent": 0.7}, "minimum_amount": 1000, "maximum_amount": 5000000,
               "active": true}
            ]}
            """;

    /** {@code merchant/fee-calculator?amount=100000&code=QRIS} as in the docs. */
    static final String FEES = """
            {
              "success": true,
              "message": "",
              "data": [
                {
                  "code": "QRIS",
                  "name": "QRIS",
                  "fee": {"flat": 750, "percent": "0.70", "min": null, "max": null},
                  "total_fee": {"merchant": 1450, "customer": 0}
                }
              ]
            }
            """;

    /** A {@code transaction/create} or {@code transaction/detail} answer; the placeholders are filled in. */
    static String transaction(String status, String payCodeJson, String paidAtJson, long amount, long feeCustomer,
                              String itemsJson) {
        return """
                {
                  "success": true,
                  "message": "",
                  "data": {
                    "reference": "DEV-T12345000123ABCDE",
                    "merchant_ref": "VPS-2025-000123",
                    "payment_selection_type": "static",
                    "payment_method": "BRIVA",
                    "payment_name": "BRI Virtual Account",
                    "customer_name": "Budi Santoso",
                    "customer_email": "budi@example.id",
                    "customer_phone": null,
                    "callback_url": "https://webrana.id/api/v1/payments/tripay/callback",
                    "return_url": null,
                    "amount": %d,
                    "fee_merchant": 0,
                    "fee_customer": %d,
                    "total_fee": %d,
                    "amount_received": %d,
                    "pay_code": %s,
                    "pay_url": null,
                    "checkout_url": "https://tripay.co.id/checkout/DEV-T12345000123ABCDE",
                    "status": "%s",
                    "paid_at": %s,
                    "expired_time": 1735776000,
                    "order_items": %s,
                    "instructions": [
                      {"title": "Aplikasi BRImo", "steps": ["Login ke aplikasi BRImo Anda",
                        "Masukkan Nomor Pembayaran (<b>57585748548596587</b>)"]}
                    ],
                    "qr_string": null,
                    "qr_url": null
                  }
                }
                """.formatted(amount, feeCustomer, feeCustomer, amount - feeCustomer, payCodeJson, status,
                paidAtJson, itemsJson);
    }

    /** One VPS item of 85 000. */
    static final String ONE_ITEM = """
            [{"sku": "s-1vcpu-1gb", "name": "VPS 1 vCPU / 1 GB - 1 bulan", "price": 85000, "quantity": 1,
              "subtotal": 85000, "product_url": null, "image_url": null}]""";

    /** An unpaid 85 000 transaction, pay code as a string. */
    static final String UNPAID = transaction("UNPAID", "\"57585748548596587\"", "null", 85_000, 0, ONE_ITEM);

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

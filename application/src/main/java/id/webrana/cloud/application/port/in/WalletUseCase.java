package id.webrana.cloud.application.port.in;

import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.WalletEntry;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.Money;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.util.UUID;

/** A customer's wallet: balance, ledger, top-ups, and operators' adjustments. */
public interface WalletUseCase {

    Money balance(UUID userId);

    /** The ledger, newest first. */
    Page<WalletEntry> walletEntries(UUID userId, PageRequest page);

    /** A top-up invoice for {@code amount} rupiah, paid through the gateway like any invoice. */
    Invoice requestDeposit(UUID userId, long amount);

    /** An operator's correction (positive or negative) with a mandatory reason, in the audit trail. */
    WalletEntry adjust(AdjustWalletCommand command);

    /** @param amount signed rupiah: positive credits, negative debits */
    record AdjustWalletCommand(UUID userId, long amount, String reason, Actor actor) {
    }
}

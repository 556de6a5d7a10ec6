package id.webrana.cloud.domain.billing;

/** Why a wallet balance moved. DEPOSIT, BONUS and REFUND add; ORDER_PAYMENT and RENEWAL take; ADJUSTMENT either. */
public enum WalletEntryType { DEPOSIT, BONUS, ORDER_PAYMENT, RENEWAL, REFUND, ADJUSTMENT }

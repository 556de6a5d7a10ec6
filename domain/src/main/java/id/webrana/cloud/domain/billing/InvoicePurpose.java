package id.webrana.cloud.domain.billing;

/** What an invoice charges for: a new VPS order, a wallet top-up, or a renewal period. */
public enum InvoicePurpose { ORDER, DEPOSIT, RENEWAL }

package id.webrana.cloud.application.port.in;

/** Background billing work: catching lost callbacks and expiring unpaid invoices. */
public interface ReconcilePaymentsUseCase {

    /** Asks the gateway about up to {@code max} unpaid transactions that are due a check; returns how many changed. */
    int reconcileOpenTransactions(int max);

    /** Expires unpaid top-up and renewal invoices past their due time (order invoices expire with their order). */
    int expireOverdueInvoices(int max);
}

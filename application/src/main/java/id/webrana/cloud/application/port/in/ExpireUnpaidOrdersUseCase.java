package id.webrana.cloud.application.port.in;

/** UC (system): orders unpaid past their deadline become EXPIRED. */
public interface ExpireUnpaidOrdersUseCase {
    int expireOverdueOrders(int max);
}

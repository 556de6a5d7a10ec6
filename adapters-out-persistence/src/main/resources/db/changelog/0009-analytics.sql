--liquibase formatted sql

--changeset webrana:0009-analytics-indexes
--comment: The operators' analytics read status changes by target status and time, and paid invoices by when they were paid (orders by creation time use ix_orders_created).
CREATE INDEX ix_order_status_history_to_status_changed ON order_status_history (to_status, changed_at);
CREATE INDEX ix_invoices_paid_at ON invoices (paid_at) WHERE status = 'PAID';

--liquibase formatted sql

--changeset webrana:0005-one-invoice-per-order
-- An order has exactly one invoice: two concurrent requests cannot issue a second numbered one.
CREATE UNIQUE INDEX ux_invoices_one_per_order ON invoices (subject_id) WHERE purpose = 'ORDER';

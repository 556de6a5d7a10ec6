--liquibase formatted sql

--changeset webrana:0002-demo-catalog context:demo
--comment: A realistic demo catalog on real DigitalOcean size and image slugs, priced in rupiah.
INSERT INTO vps_images (id, name, distribution, provider_slug, kind, active) VALUES
 ('11111111-0000-0000-0000-000000002404', 'Ubuntu 24.04 LTS', 'Ubuntu', 'ubuntu-24-04-x64', 'OS', TRUE),
 ('11111111-0000-0000-0000-000000002204', 'Ubuntu 22.04 LTS', 'Ubuntu', 'ubuntu-22-04-x64', 'OS', TRUE),
 ('11111111-0000-0000-0000-000000000012', 'Debian 12', 'Debian', 'debian-12-x64', 'OS', TRUE),
 ('11111111-0000-0000-0000-000000000009', 'Rocky Linux 9', 'Rocky Linux', 'rockylinux-9-x64', 'OS', TRUE);

INSERT INTO vps_plans (id, name, size_slug, vcpu, memory_mb, disk_gb, transfer_tb, active, sort_order) VALUES
 ('22222222-0000-0000-0000-000000000001', 'Basic 1 GB', 's-1vcpu-1gb', 1, 1024, 25, 1, TRUE, 10),
 ('22222222-0000-0000-0000-000000000002', 'Basic 2 GB', 's-1vcpu-2gb', 1, 2048, 50, 2, TRUE, 20),
 ('22222222-0000-0000-0000-000000000003', 'Standard 2 vCPU', 's-2vcpu-2gb', 2, 2048, 60, 3, TRUE, 30),
 ('22222222-0000-0000-0000-000000000004', 'Standard 4 GB', 's-2vcpu-4gb', 2, 4096, 80, 4, TRUE, 40),
 ('22222222-0000-0000-0000-000000000005', 'Performance 8 GB', 's-4vcpu-8gb', 4, 8192, 160, 5, TRUE, 50);

INSERT INTO plan_prices (plan_id, billing_period, price_idr) VALUES
 ('22222222-0000-0000-0000-000000000001', 'DAILY', 3000),
 ('22222222-0000-0000-0000-000000000001', 'MONTHLY', 90000),
 ('22222222-0000-0000-0000-000000000001', 'YEARLY', 900000),
 ('22222222-0000-0000-0000-000000000002', 'DAILY', 6000),
 ('22222222-0000-0000-0000-000000000002', 'MONTHLY', 180000),
 ('22222222-0000-0000-0000-000000000002', 'YEARLY', 1800000),
 ('22222222-0000-0000-0000-000000000003', 'DAILY', 9000),
 ('22222222-0000-0000-0000-000000000003', 'MONTHLY', 270000),
 ('22222222-0000-0000-0000-000000000003', 'YEARLY', 2700000),
 ('22222222-0000-0000-0000-000000000004', 'DAILY', 12000),
 ('22222222-0000-0000-0000-000000000004', 'MONTHLY', 360000),
 ('22222222-0000-0000-0000-000000000004', 'YEARLY', 3600000),
 ('22222222-0000-0000-0000-000000000005', 'DAILY', 24000),
 ('22222222-0000-0000-0000-000000000005', 'MONTHLY', 720000),
 ('22222222-0000-0000-0000-000000000005', 'YEARLY', 7200000);

INSERT INTO plan_images (plan_id, image_id)
SELECT p.id, i.id FROM vps_plans p CROSS JOIN vps_images i;

INSERT INTO plan_promos (id, plan_id, billing_period, name, discount_type, discount_value, starts_at, ends_at, active) VALUES
 ('33333333-0000-0000-0000-000000000001', '22222222-0000-0000-0000-000000000003', 'YEARLY', 'Promo Tahunan 15%',
  'PERCENT', 15, '2026-01-01T00:00:00Z', '2027-12-31T17:00:00Z', TRUE);

INSERT INTO coupons (id, code, discount_type, discount_value, max_discount, valid_from, valid_until, total_limit,
                     per_user_limit, minimum_order, allowed_plan_ids, allowed_periods, active, redemption_count) VALUES
 ('44444444-0000-0000-0000-000000000001', 'HEMAT10', 'PERCENT', 10, 50000, '2026-01-01T00:00:00Z', '2030-01-01T00:00:00Z',
  1000, 3, NULL, '', 'MONTHLY,YEARLY', TRUE, 0),
 ('44444444-0000-0000-0000-000000000002', 'WELCOME25K', 'FIXED', 25000, NULL, '2026-01-01T00:00:00Z', '2030-01-01T00:00:00Z',
  NULL, 1, 100000, '', '', TRUE, 0),
 ('44444444-0000-0000-0000-000000000003', 'MERDEKA2025', 'PERCENT', 17, NULL, '2025-08-01T00:00:00Z', '2025-08-31T17:00:00Z',
  NULL, NULL, NULL, '', '', TRUE, 0),
 ('44444444-0000-0000-0000-000000000004', 'LIMIT1', 'FIXED', 10000, NULL, NULL, NULL,
  1, NULL, NULL, '', '', TRUE, 1);

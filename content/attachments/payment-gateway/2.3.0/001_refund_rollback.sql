-- 回滚 001_refund.sql
ALTER TABLE refund_order DROP COLUMN idempotent_key;
DROP TABLE IF EXISTS refund_recon;

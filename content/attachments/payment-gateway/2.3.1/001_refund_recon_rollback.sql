-- 回滚 001_refund_recon.sql
ALTER TABLE refund_order
  DROP INDEX idx_refund_cover,
  DROP COLUMN idempotent_key,
  ALGORITHM=INPLACE, LOCK=NONE;
DROP TABLE IF EXISTS refund_recon;

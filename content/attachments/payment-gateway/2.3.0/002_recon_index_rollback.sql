-- 回滚 002_recon_index.sql
DROP INDEX idx_refund_order_created ON refund_order;
DROP INDEX idx_recon_date_status ON refund_recon;

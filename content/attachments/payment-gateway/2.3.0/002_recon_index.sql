-- 支付网关 2.3.0:对账查询索引
CREATE INDEX idx_recon_date_status ON refund_recon (recon_date, recon_status);
CREATE INDEX idx_refund_order_created ON refund_order (created_at);

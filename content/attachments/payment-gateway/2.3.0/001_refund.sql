-- 支付网关 2.3.0:退款对账
-- 执行人:DBA;执行库:pay
CREATE TABLE refund_recon (
  id              BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  refund_no       VARCHAR(64)  NOT NULL COMMENT '退款单号',
  merchant_no     VARCHAR(32)  NOT NULL,
  channel_code    VARCHAR(32)  NOT NULL,
  channel_flow_no VARCHAR(64)  NULL COMMENT '渠道退款流水号',
  amount          BIGINT       NOT NULL COMMENT '退款金额(分)',
  recon_status    TINYINT      NOT NULL DEFAULT 0 COMMENT '0 待对账 1 一致 2 长款 3 短款',
  recon_date      DATE         NOT NULL,
  created_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uk_refund_no (refund_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='退款对账结果';

ALTER TABLE refund_order
  ADD COLUMN idempotent_key VARCHAR(96) NULL COMMENT '商户号+退款单号';

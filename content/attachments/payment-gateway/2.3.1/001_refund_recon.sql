-- 支付网关 2.3.1(hotfix):重新建立退款对账表,并为对账查询建立覆盖索引
-- 在线 DDL,不锁表
CREATE TABLE IF NOT EXISTS refund_recon (
  id              BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  refund_no       VARCHAR(64)  NOT NULL,
  merchant_no     VARCHAR(32)  NOT NULL,
  channel_code    VARCHAR(32)  NOT NULL,
  channel_flow_no VARCHAR(64)  NULL,
  amount          BIGINT       NOT NULL,
  recon_status    TINYINT      NOT NULL DEFAULT 0,
  recon_date      DATE         NOT NULL,
  created_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uk_refund_no (refund_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='退款对账结果';

ALTER TABLE refund_order
  ADD COLUMN idempotent_key VARCHAR(96) NULL,
  ADD INDEX idx_refund_cover (created_at, channel_code, refund_no, amount, status),
  ALGORITHM=INPLACE, LOCK=NONE;

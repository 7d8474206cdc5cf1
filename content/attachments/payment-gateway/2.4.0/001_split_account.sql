-- 支付网关 2.4.0:分账与敏感字段加密
CREATE TABLE split_rule (
  id           BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  merchant_no  VARCHAR(32)  NOT NULL,
  receiver_no  VARCHAR(32)  NOT NULL COMMENT '分账接收方',
  split_type   TINYINT      NOT NULL COMMENT '1 按比例 2 按金额',
  split_value  BIGINT       NOT NULL COMMENT '比例(万分之)或金额(分)',
  enabled      TINYINT      NOT NULL DEFAULT 1,
  KEY idx_merchant (merchant_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE split_order (
  id           BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  split_no     VARCHAR(64)  NOT NULL,
  pay_order_no VARCHAR(64)  NOT NULL,
  receiver_no  VARCHAR(32)  NOT NULL,
  amount       BIGINT       NOT NULL,
  status       TINYINT      NOT NULL DEFAULT 0 COMMENT '0 处理中 1 成功 2 失败 3 已回退',
  created_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uk_split_no (split_no),
  KEY idx_pay_order (pay_order_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE pay_card
  ADD COLUMN card_no_enc  VARBINARY(128) NULL COMMENT 'SM4 加密卡号',
  ADD COLUMN mobile_enc   VARBINARY(64)  NULL COMMENT 'SM4 加密手机号';

-- 支付网关 2.5.0:多币种
CREATE TABLE fx_rate_lock (
  id            BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  lock_no       VARCHAR(64)   NOT NULL,
  currency      CHAR(3)       NOT NULL COMMENT 'ISO 4217',
  rate          DECIMAL(18,8) NOT NULL,
  expire_at     DATETIME      NOT NULL,
  UNIQUE KEY uk_lock_no (lock_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE pay_order
  ADD COLUMN currency CHAR(3) NOT NULL DEFAULT 'CNY',
  ADD COLUMN fx_lock_no VARCHAR(64) NULL,
  ALGORITHM=INPLACE, LOCK=NONE;

-- 订单服务 1.10.0:按仓拆单
CREATE TABLE sub_order (
  id               BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  sub_order_no     VARCHAR(40) NOT NULL,
  parent_order_no  VARCHAR(40) NOT NULL,
  warehouse_code   VARCHAR(16) NOT NULL,
  amount           BIGINT      NOT NULL,
  status           TINYINT     NOT NULL DEFAULT 0,
  created_at       DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uk_sub_order_no (sub_order_no),
  KEY idx_parent (parent_order_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='子订单';

ALTER TABLE order_main
  ADD COLUMN parent_order_no VARCHAR(40) NULL,
  ADD COLUMN warehouse_code  VARCHAR(16) NULL,
  ALGORITHM=INPLACE, LOCK=NONE;

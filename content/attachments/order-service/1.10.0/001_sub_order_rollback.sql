-- 回滚 001_sub_order.sql
ALTER TABLE order_main
  DROP COLUMN warehouse_code,
  DROP COLUMN parent_order_no,
  ALGORITHM=INPLACE, LOCK=NONE;
DROP TABLE IF EXISTS sub_order;

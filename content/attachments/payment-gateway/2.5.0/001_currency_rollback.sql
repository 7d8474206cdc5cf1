-- 回滚 001_currency.sql
ALTER TABLE pay_order
  DROP COLUMN fx_lock_no,
  DROP COLUMN currency,
  ALGORITHM=INPLACE, LOCK=NONE;
DROP TABLE IF EXISTS fx_rate_lock;

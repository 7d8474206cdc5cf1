-- 回滚 001_split_account.sql(仅在 002 未执行时有效)
ALTER TABLE pay_card
  DROP COLUMN mobile_enc,
  DROP COLUMN card_no_enc;
DROP TABLE IF EXISTS split_order;
DROP TABLE IF EXISTS split_rule;

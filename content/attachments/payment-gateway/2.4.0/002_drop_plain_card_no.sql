-- 支付网关 2.4.0:删除明文卡号(不可逆,执行前确认存量加密任务完成)
SELECT COUNT(*) AS not_encrypted FROM pay_card WHERE card_no IS NOT NULL AND card_no_enc IS NULL;
-- 上面结果必须为 0 才能继续
ALTER TABLE pay_card
  DROP COLUMN card_no,
  DROP COLUMN mobile;

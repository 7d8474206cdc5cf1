-- 回滚 001_channel_route.sql
DROP TABLE IF EXISTS channel_route_stat;
ALTER TABLE channel_route
  DROP COLUMN success_weight,
  DROP COLUMN fee_weight;

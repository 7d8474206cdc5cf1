-- 清结算批处理 1.4.0:2024 年前历史数据迁移至归档库(不可逆:主库数据删除)
INSERT INTO settle_archive.settle_detail_2023
SELECT * FROM settle.settle_detail WHERE settle_date < '2024-01-01';

-- 核对行数一致后再删除
SELECT
  (SELECT COUNT(*) FROM settle.settle_detail WHERE settle_date < '2024-01-01') AS src_cnt,
  (SELECT COUNT(*) FROM settle_archive.settle_detail_2023) AS dst_cnt;

DELETE FROM settle.settle_detail WHERE settle_date < '2024-01-01';

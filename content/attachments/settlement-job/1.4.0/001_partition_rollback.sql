-- 回滚 001_partition.sql:分区表还原为普通表
ALTER TABLE settle_detail REMOVE PARTITIONING;
ALTER TABLE settle_detail DROP PRIMARY KEY, ADD PRIMARY KEY (id);

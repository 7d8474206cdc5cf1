-- 回滚 002_backfill_parent.sql(001 回滚会删除该列,此脚本用于只回退回填的场景)
UPDATE order_main
   SET parent_order_no = NULL
 WHERE parent_order_no = order_no
 LIMIT 5000;

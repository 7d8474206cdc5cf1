-- 订单服务 1.10.0:存量订单回填 parent_order_no(分批执行,每批 5000 行)
-- 由 DBA 循环执行直至影响行数为 0
UPDATE order_main
   SET parent_order_no = order_no
 WHERE parent_order_no IS NULL
 LIMIT 5000;

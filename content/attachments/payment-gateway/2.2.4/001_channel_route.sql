-- 支付网关 2.2.4:渠道智能路由权重
-- 执行人:DBA;执行库:pay_route
ALTER TABLE channel_route
  ADD COLUMN success_weight DECIMAL(5,2) NOT NULL DEFAULT 1.00 COMMENT '成功率权重',
  ADD COLUMN fee_weight     DECIMAL(5,2) NOT NULL DEFAULT 1.00 COMMENT '费率权重';

CREATE TABLE channel_route_stat (
  id           BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  channel_code VARCHAR(32) NOT NULL,
  stat_minute  DATETIME    NOT NULL,
  total_cnt    INT         NOT NULL DEFAULT 0,
  success_cnt  INT         NOT NULL DEFAULT 0,
  UNIQUE KEY uk_channel_minute (channel_code, stat_minute)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='渠道分钟级成功率统计';

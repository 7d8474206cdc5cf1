-- 用户中心 4.2.0:实名认证记录
CREATE TABLE realname_auth (
  id             BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  user_id        BIGINT       NOT NULL,
  auth_type      TINYINT      NOT NULL COMMENT '1 OCR+活体 2 银行卡四要素',
  id_card_hash   CHAR(64)     NOT NULL COMMENT '身份证号 SHA-256',
  image_key      VARCHAR(128) NULL COMMENT '加密对象存储 key,30 天过期',
  result         TINYINT      NOT NULL,
  created_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY idx_user (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE user_login_log ADD COLUMN device_fp VARCHAR(64) NULL COMMENT '设备指纹';

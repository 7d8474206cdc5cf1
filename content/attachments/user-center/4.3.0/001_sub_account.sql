-- 用户中心 4.3.0:企业子账号与权限模板
CREATE TABLE perm_template (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  org_id      BIGINT       NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  perms       JSON         NOT NULL,
  KEY idx_org (org_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE user_account
  ADD COLUMN parent_user_id BIGINT NULL COMMENT '主账号',
  ADD COLUMN template_id    BIGINT NULL;

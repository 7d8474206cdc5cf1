-- 回滚 001_sub_account.sql
ALTER TABLE user_account
  DROP COLUMN template_id,
  DROP COLUMN parent_user_id;
DROP TABLE IF EXISTS perm_template;

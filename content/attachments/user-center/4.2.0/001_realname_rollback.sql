-- 回滚 001_realname.sql
ALTER TABLE user_login_log DROP COLUMN device_fp;
DROP TABLE IF EXISTS realname_auth;

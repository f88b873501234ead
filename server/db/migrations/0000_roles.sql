-- The role tenant requests run as (SET LOCAL ROLE guanxi_app). Row-level security policies bind it;
-- the migrating role owns the tables and bypasses them for system work (sign-in, backups).
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'guanxi_app') THEN
    CREATE ROLE guanxi_app NOLOGIN;
  END IF;
END $$;
--> statement-breakpoint
-- Where an administrator created the role beforehand and granted it already, granting again would need
-- the admin option: grant only when the migrating user is not yet a member.
DO $$ BEGIN
  IF NOT pg_has_role(CURRENT_USER, 'guanxi_app', 'MEMBER') THEN
    GRANT guanxi_app TO CURRENT_USER;
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO guanxi_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO guanxi_app;

-- Sessions and password-reset tokens are read only by system transactions (before a workspace is
-- known). The tenant role has no business with them: take away the default grants.
REVOKE ALL ON "sessions" FROM guanxi_app;
--> statement-breakpoint
REVOKE ALL ON "password_resets" FROM guanxi_app;

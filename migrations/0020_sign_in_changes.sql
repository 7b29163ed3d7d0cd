-- The service keeps the users it has looked up by session or API token for a short while, so that a
-- page does not cost one more query to learn who asked (a NotifiedCache in platform/auth/auth-service.ts).
-- Any change to what those lookups return (migrations 0016 and 0019) notifies every process on the channel
-- `sign_in_changed` when it commits, and every process then forgets all the users it kept: a signed-out
-- session, a deactivated user, a changed role or a revoked token take effect at once, whichever
-- process made the change. The payload is the transaction's id: PostgreSQL sends one notification per
-- transaction for the same channel and payload, and a process that receives it on several connections
-- knows it for one (postgres-channels.ts).
CREATE FUNCTION sign_in_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sign_in_changed', pg_current_xact_id()::text);
  RETURN NULL;
END;
$$;
-- statement
CREATE TRIGGER users_sign_in_changed AFTER UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION sign_in_rows_changed();
-- statement
CREATE TRIGGER partnerships_sign_in_changed AFTER UPDATE OR DELETE OR TRUNCATE ON partnerships
  FOR EACH STATEMENT EXECUTE FUNCTION sign_in_rows_changed();
-- statement
CREATE TRIGGER agencies_sign_in_changed AFTER UPDATE OR DELETE OR TRUNCATE ON agencies
  FOR EACH STATEMENT EXECUTE FUNCTION sign_in_rows_changed();
-- statement
CREATE TRIGGER list_versions_sign_in_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON list_versions
  FOR EACH STATEMENT EXECUTE FUNCTION sign_in_rows_changed();
-- statement
-- Not last_seen_at: it is written at most once a minute a session, and the kept copy is updated with it.
CREATE TRIGGER sessions_sign_in_changed
  AFTER UPDATE OF id_hash, user_id, csrf_token, created_at, expires_at OR DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION sign_in_rows_changed();
-- statement
-- Not last_used_at, for the same reason.
CREATE TRIGGER api_tokens_sign_in_changed
  AFTER UPDATE OF id, user_id, token_hash, created_at, expires_at, revoked_at OR DELETE OR TRUNCATE ON api_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION sign_in_rows_changed();
-- statement
-- A kept token must stop working when it expires, without asking again: the lookup returns its expiry.
DROP FUNCTION api_token_lookup(text);
-- statement
CREATE FUNCTION api_token_lookup(wanted text)
RETURNS TABLE (
  "id" uuid, "email" text, "name" text, "role" text, "partnershipId" uuid, "partnershipName" text,
  "agencyId" uuid, "agencyName" text, "listsVersion" bigint, "tokenId" uuid, "isActive" boolean,
  "lastUsedAt" timestamptz, "expiresAt" timestamptz
)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT u.id, u.email, u.name, u.role, u.partnership_id, p.name, u.agency_id, a.name,
         coalesce(v.version, 0), t.id, u.is_active, t.last_used_at, t.expires_at
    FROM api_tokens t JOIN users u ON u.id = t.user_id
    JOIN partnerships p ON p.id = u.partnership_id
    JOIN agencies a ON a.partnership_id = u.partnership_id AND a.id = u.agency_id
    LEFT JOIN list_versions v ON v.partnership_id = u.partnership_id
   WHERE t.token_hash = wanted AND t.revoked_at IS NULL AND t.expires_at > now();
END
$$;

-- The short lists that pages offer as choices (a partnership's agencies, plan themes and priorities)
-- are read on most pages and change rarely. Each partnership's lists have a version that any change to
-- them moves on, in the same transaction (triggers below); the sign-in lookups return it with the user,
-- so the service can keep a list it has read for that version and ask the database again only once the
-- version has moved, without one more query per request. Every process sees the version from the
-- database, so a list changed through another process is never served stale.
CREATE TABLE list_versions (
  partnership_id uuid PRIMARY KEY REFERENCES partnerships(id),
  version bigint NOT NULL
);
-- statement
-- Statement-level, with the changed rows as a table: a bulk insert moves each version on once.
CREATE FUNCTION list_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO list_versions (partnership_id, version)
  SELECT DISTINCT partnership_id, 1 FROM changed_rows
  ON CONFLICT (partnership_id) DO UPDATE SET version = list_versions.version + 1;
  RETURN NULL;
END;
$$;
-- statement
CREATE TRIGGER agencies_list_inserted AFTER INSERT ON agencies
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION list_rows_changed();
-- statement
CREATE TRIGGER agencies_list_updated AFTER UPDATE ON agencies
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION list_rows_changed();
-- statement
CREATE TRIGGER agencies_list_deleted AFTER DELETE ON agencies
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION list_rows_changed();
-- statement
CREATE TRIGGER plan_themes_list_inserted AFTER INSERT ON plan_themes
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION list_rows_changed();
-- statement
CREATE TRIGGER plan_themes_list_updated AFTER UPDATE ON plan_themes
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION list_rows_changed();
-- statement
CREATE TRIGGER plan_themes_list_deleted AFTER DELETE ON plan_themes
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION list_rows_changed();
-- statement
CREATE TRIGGER priorities_list_inserted AFTER INSERT ON priorities
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION list_rows_changed();
-- statement
CREATE TRIGGER priorities_list_updated AFTER UPDATE ON priorities
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION list_rows_changed();
-- statement
CREATE TRIGGER priorities_list_deleted AFTER DELETE ON priorities
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION list_rows_changed();
-- statement
-- The sign-in lookups of migration 0016, now with the lists' version (0 until a list first changes).
DROP FUNCTION session_lookup(text);
-- statement
DROP FUNCTION api_token_lookup(text);
-- statement
CREATE FUNCTION session_lookup(wanted text)
RETURNS TABLE (
  "id" uuid, "email" text, "name" text, "role" text, "partnershipId" uuid, "partnershipName" text,
  "agencyId" uuid, "agencyName" text, "listsVersion" bigint, "csrfToken" text, "createdAt" timestamptz,
  "lastSeenAt" timestamptz, "expiresAt" timestamptz, "isActive" boolean
)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT u.id, u.email, u.name, u.role, u.partnership_id, p.name, u.agency_id, a.name,
         coalesce(v.version, 0), s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, u.is_active
    FROM sessions s JOIN users u ON u.id = s.user_id
    JOIN partnerships p ON p.id = u.partnership_id
    JOIN agencies a ON a.partnership_id = u.partnership_id AND a.id = u.agency_id
    LEFT JOIN list_versions v ON v.partnership_id = u.partnership_id
   WHERE s.id_hash = wanted;
END
$$;
-- statement
CREATE FUNCTION api_token_lookup(wanted text)
RETURNS TABLE (
  "id" uuid, "email" text, "name" text, "role" text, "partnershipId" uuid, "partnershipName" text,
  "agencyId" uuid, "agencyName" text, "listsVersion" bigint, "tokenId" uuid, "isActive" boolean,
  "lastUsedAt" timestamptz
)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT u.id, u.email, u.name, u.role, u.partnership_id, p.name, u.agency_id, a.name,
         coalesce(v.version, 0), t.id, u.is_active, t.last_used_at
    FROM api_tokens t JOIN users u ON u.id = t.user_id
    JOIN partnerships p ON p.id = u.partnership_id
    JOIN agencies a ON a.partnership_id = u.partnership_id AND a.id = u.agency_id
    LEFT JOIN list_versions v ON v.partnership_id = u.partnership_id
   WHERE t.token_hash = wanted AND t.revoked_at IS NULL AND t.expires_at > now();
END
$$;

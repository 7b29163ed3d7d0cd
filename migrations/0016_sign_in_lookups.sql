-- The two lookups every signed-in request makes: a session by the hash of its cookie, an API token by
-- the hash of the token. The service plans statements for their parameters (plan_cache_mode =
-- force_custom_plan, see src/db/postgres.ts), which for these four-table joins cost three times their
-- execution on every request. A lookup by a unique hash has one right plan whatever the hash, so
-- these functions keep theirs: PL/pgSQL caches it per connection, and the SET clause lets it be the
-- generic one.
CREATE FUNCTION session_lookup(wanted text)
RETURNS TABLE (
  "id" uuid, "email" text, "name" text, "role" text, "partnershipId" uuid, "partnershipName" text,
  "agencyId" uuid, "agencyName" text, "csrfToken" text, "createdAt" timestamptz,
  "lastSeenAt" timestamptz, "expiresAt" timestamptz, "isActive" boolean
)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT u.id, u.email, u.name, u.role, u.partnership_id, p.name, u.agency_id, a.name,
         s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, u.is_active
    FROM sessions s JOIN users u ON u.id = s.user_id
    JOIN partnerships p ON p.id = u.partnership_id
    JOIN agencies a ON a.partnership_id = u.partnership_id AND a.id = u.agency_id
   WHERE s.id_hash = wanted;
END
$$;
-- statement
CREATE FUNCTION api_token_lookup(wanted text)
RETURNS TABLE (
  "id" uuid, "email" text, "name" text, "role" text, "partnershipId" uuid, "partnershipName" text,
  "agencyId" uuid, "agencyName" text, "tokenId" uuid, "isActive" boolean, "lastUsedAt" timestamptz
)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT u.id, u.email, u.name, u.role, u.partnership_id, p.name, u.agency_id, a.name,
         t.id, u.is_active, t.last_used_at
    FROM api_tokens t JOIN users u ON u.id = t.user_id
    JOIN partnerships p ON p.id = u.partnership_id
    JOIN agencies a ON a.partnership_id = u.partnership_id AND a.id = u.agency_id
   WHERE t.token_hash = wanted AND t.revoked_at IS NULL AND t.expires_at > now();
END
$$;

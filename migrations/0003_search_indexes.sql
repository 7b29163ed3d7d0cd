-- "Contains" searches (ILIKE '%…%') on people and users use trigram indexes instead of reading every
-- row. pg_trgm is a trusted extension: a database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- statement
CREATE INDEX people_name_search ON people USING gin (name gin_trgm_ops);
-- statement
CREATE INDEX people_job_title_search ON people USING gin (job_title gin_trgm_ops);
-- statement
CREATE INDEX users_name_search ON users USING gin (name gin_trgm_ops);
-- statement
CREATE INDEX users_email_search ON users USING gin (email gin_trgm_ops);

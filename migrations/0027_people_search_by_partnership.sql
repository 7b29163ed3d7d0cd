-- A people search reads its matches from trigram indexes (src/db/search.ts). Those indexes held every
-- partnership's people, so PostgreSQL either planned each search for its text (0.6-1 ms of planning a
-- call) or, with a kept plan, also read the partnership's whole list from another index and combined
-- the two (5,000 entries at 1x, 50,000 at 10x). With the partnership as the first column of the
-- trigram index, one index scan finds a partnership's matches, and a kept plan is the fastest at both
-- sizes: "Okafor" took 1.0 ms at 1x and 2.8 ms at 10x, against 2.2 and 6.0 ms before. btree_gin lets a
-- GIN index hold the uuid; like pg_trgm it is a trusted extension, so a database owner may create it.
CREATE EXTENSION IF NOT EXISTS btree_gin;
-- statement
CREATE INDEX people_partnership_name_search ON people USING gin (partnership_id, name gin_trgm_ops);
-- statement
CREATE INDEX people_partnership_job_title_search ON people USING gin (partnership_id, job_title gin_trgm_ops);
-- statement
DROP INDEX people_name_search;
-- statement
DROP INDEX people_job_title_search;

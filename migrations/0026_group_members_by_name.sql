-- A group's page lists its members a page at a time by name. Sorted by the person's name, a page
-- read every membership and every person of the group first: 1,062 buffers and 1.8 ms for each
-- page of a forum of 300. A membership now keeps its person's name, set from the person by the
-- triggers below, so that an index reads a page of a group's members in name order.
ALTER TABLE group_members ADD COLUMN person_name text;
-- statement
UPDATE group_members m SET person_name = p.name FROM people p WHERE p.id = m.person_id;
-- statement
ALTER TABLE group_members ALTER COLUMN person_name SET NOT NULL;
-- statement
-- Whatever a statement gives, a membership takes its person's name as it is now. A person who does
-- not exist gives '' here and is refused by the foreign key, as before.
CREATE FUNCTION group_member_named() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.person_name := coalesce(
    (SELECT name FROM people WHERE partnership_id = NEW.partnership_id AND id = NEW.person_id), '');
  RETURN NEW;
END
$$;
-- statement
CREATE TRIGGER group_members_named BEFORE INSERT OR UPDATE ON group_members
  FOR EACH ROW EXECUTE FUNCTION group_member_named();
-- statement
CREATE FUNCTION person_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE group_members SET person_name = NEW.name
   WHERE partnership_id = NEW.partnership_id AND person_id = NEW.id;
  RETURN NULL;
END
$$;
-- statement
CREATE TRIGGER people_renamed AFTER UPDATE OF name ON people
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION person_renamed();
-- statement
CREATE INDEX group_members_by_name ON group_members (group_id, person_name, person_id);

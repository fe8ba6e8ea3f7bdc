CREATE TABLE "ri_score_packs" (
	"assessment_id" uuid PRIMARY KEY NOT NULL,
	"codes" text NOT NULL,
	"cells" "bytea" NOT NULL
);

--> statement-breakpoint
-- ri_score_packs (reform-index.table.ts) kept in step with ri_scores: after every statement that
-- writes scores, the packs of the assessments it touched are rebuilt from their scores. The pack
-- rows are locked first, so that the rebuild (a new snapshot under READ COMMITTED) also sees the
-- scores a concurrent transaction committed while this one waited. Milli-points beyond int4 are
-- clamped (no score is that large: the engine clamps every score into 0..max anyway).
CREATE OR REPLACE FUNCTION ri_score_packs_of(ids uuid[]) RETURNS TABLE (assessment_id uuid, codes text, cells bytea)
LANGUAGE sql STABLE AS $$
  SELECT s.assessment_id,
    string_agg(s.criterion_code, chr(31) ORDER BY s.criterion_code),
    string_agg(
      CASE WHEN s.survey_points IS NULL
        THEN set_byte('\x00'::bytea, 0, s.not_applicable::int)
          || int4send(coalesce(least(greatest(coalesce(s.appraised_score, s.self_score) * 1000, -2147483646), 2147483647)::int, -2147483648))
        ELSE set_byte('\x00'::bytea, 0, s.not_applicable::int | 2)
          || int4send(coalesce(least(greatest(coalesce(s.appraised_score, s.self_score) * 1000, -2147483646), 2147483647)::int, -2147483648))
          || int4send(least(greatest(s.survey_points * 1000, -2147483646), 2147483647)::int) END,
      ''::bytea ORDER BY s.criterion_code)
  FROM ri_scores s
  WHERE s.assessment_id IN (SELECT unnest(ids))
  GROUP BY s.assessment_id
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ri_score_packs_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[] := ARRAY(SELECT DISTINCT assessment_id FROM ri_changed_scores ORDER BY 1);
BEGIN
  INSERT INTO ri_score_packs (assessment_id, codes, cells)
    SELECT unnest(ids), '', ''::bytea ON CONFLICT (assessment_id) DO NOTHING;
  PERFORM 1 FROM ri_score_packs p WHERE p.assessment_id IN (SELECT unnest(ids)) ORDER BY p.assessment_id FOR UPDATE;
  UPDATE ri_score_packs p SET codes = x.codes, cells = x.cells FROM ri_score_packs_of(ids) x
    WHERE p.assessment_id = x.assessment_id;
  DELETE FROM ri_score_packs p WHERE p.assessment_id IN (SELECT unnest(ids))
    AND NOT EXISTS (SELECT 1 FROM ri_scores s WHERE s.assessment_id = p.assessment_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ri_scores_pack_insert AFTER INSERT ON ri_scores REFERENCING NEW TABLE AS ri_changed_scores
  FOR EACH STATEMENT EXECUTE FUNCTION ri_score_packs_refresh();
--> statement-breakpoint
CREATE TRIGGER ri_scores_pack_update AFTER UPDATE ON ri_scores REFERENCING NEW TABLE AS ri_changed_scores
  FOR EACH STATEMENT EXECUTE FUNCTION ri_score_packs_refresh();
--> statement-breakpoint
CREATE TRIGGER ri_scores_pack_delete AFTER DELETE ON ri_scores REFERENCING OLD TABLE AS ri_changed_scores
  FOR EACH STATEMENT EXECUTE FUNCTION ri_score_packs_refresh();
--> statement-breakpoint
-- the packs of the scores stored before this migration
INSERT INTO ri_score_packs (assessment_id, codes, cells)
  SELECT * FROM ri_score_packs_of(ARRAY(SELECT DISTINCT assessment_id FROM ri_scores));

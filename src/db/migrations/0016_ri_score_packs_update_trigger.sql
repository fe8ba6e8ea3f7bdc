-- Score packs (migration 0014) are rebuilt on UPDATE only for the assessments whose packed values
-- changed: storing measured values (computed_value, metric_snapshot — every assessment at each
-- recompute of a framework with computed criteria), notes or versions leaves the packs alone.
CREATE OR REPLACE FUNCTION ri_score_packs_rebuild(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN RETURN; END IF;
  INSERT INTO ri_score_packs (assessment_id, codes, cells)
    SELECT unnest(ids), '', ''::bytea ON CONFLICT (assessment_id) DO NOTHING;
  PERFORM 1 FROM ri_score_packs p WHERE p.assessment_id IN (SELECT unnest(ids)) ORDER BY p.assessment_id FOR UPDATE;
  UPDATE ri_score_packs p SET codes = x.codes, cells = x.cells FROM ri_score_packs_of(ids) x
    WHERE p.assessment_id = x.assessment_id;
  DELETE FROM ri_score_packs p WHERE p.assessment_id IN (SELECT unnest(ids))
    AND NOT EXISTS (SELECT 1 FROM ri_scores s WHERE s.assessment_id = p.assessment_id);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ri_score_packs_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ri_score_packs_rebuild(ARRAY(SELECT DISTINCT assessment_id FROM ri_changed_scores ORDER BY 1));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ri_score_packs_refresh_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ri_score_packs_rebuild(ARRAY(
    SELECT n.assessment_id FROM ri_changed_scores n JOIN ri_old_scores o ON o.id = n.id
      WHERE (n.assessment_id, n.criterion_code, n.self_score, n.appraised_score, n.survey_points, n.not_applicable)
        IS DISTINCT FROM (o.assessment_id, o.criterion_code, o.self_score, o.appraised_score, o.survey_points, o.not_applicable)
    UNION
    SELECT o.assessment_id FROM ri_changed_scores n JOIN ri_old_scores o ON o.id = n.id
      WHERE n.assessment_id <> o.assessment_id
    ORDER BY 1));
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS ri_scores_pack_update ON ri_scores;
--> statement-breakpoint
CREATE TRIGGER ri_scores_pack_update AFTER UPDATE ON ri_scores
  REFERENCING OLD TABLE AS ri_old_scores NEW TABLE AS ri_changed_scores
  FOR EACH STATEMENT EXECUTE FUNCTION ri_score_packs_refresh_update();

-- Keeps dossier_daily_stats in step with dossiers (see dossiers.table.ts): every insert, relevant
-- update and delete adds the new row's contribution and takes the old row's away.
CREATE OR REPLACE FUNCTION dossier_stats_apply(r dossiers, sgn integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  d date := ((r.submitted_at AT TIME ZONE 'UTC') + interval '7 hours')::date;
  fin date := ((r.finished_at AT TIME ZONE 'UTC') + interval '7 hours')::date;
  judged boolean := r.finished_at IS NOT NULL AND r.due_date IS NOT NULL;
  resolved boolean := r.status IN ('resolved', 'returned');
  timed boolean := resolved AND r.received_at IS NOT NULL AND r.finished_at IS NOT NULL;
BEGIN
  INSERT INTO dossier_daily_stats AS s (unit_id, unit_path, procedure_id, day, received, accepted, online, digitised, resolved,
    early, on_time, late_finished, rated, dissatisfied, days_sum, days_n)
  VALUES (r.receiving_unit_id, r.receiving_unit_path, r.procedure_id, d, sgn,
    sgn * (r.received_at IS NOT NULL)::int,
    sgn * (r.channel = 2)::int,
    sgn * (r.digitised AND r.has_e_result)::int,
    sgn * resolved::int,
    sgn * (judged AND fin < r.due_date AND r.supplement_count <= 1)::int,
    sgn * (judged AND fin = r.due_date AND r.supplement_count <= 1)::int,
    sgn * (judged AND (fin > r.due_date OR r.supplement_count > 1))::int,
    sgn * (r.rating IS NOT NULL)::int,
    sgn * (coalesce(r.rating, 5) <= 2)::int,
    CASE WHEN timed THEN sgn * extract(epoch FROM r.finished_at - r.received_at) / 86400 ELSE 0 END,
    sgn * timed::int)
  ON CONFLICT (unit_id, procedure_id, day) DO UPDATE SET
    unit_path = excluded.unit_path,
    received = s.received + excluded.received,
    accepted = s.accepted + excluded.accepted,
    online = s.online + excluded.online,
    digitised = s.digitised + excluded.digitised,
    resolved = s.resolved + excluded.resolved,
    early = s.early + excluded.early,
    on_time = s.on_time + excluded.on_time,
    late_finished = s.late_finished + excluded.late_finished,
    rated = s.rated + excluded.rated,
    dissatisfied = s.dissatisfied + excluded.dissatisfied,
    days_sum = s.days_sum + excluded.days_sum,
    days_n = s.days_n + excluded.days_n;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossier_stats_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM dossier_stats_apply(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM dossier_stats_apply(NEW, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER dossiers_stats_insert AFTER INSERT ON dossiers FOR EACH ROW EXECUTE FUNCTION dossier_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER dossiers_stats_delete AFTER DELETE ON dossiers FOR EACH ROW EXECUTE FUNCTION dossier_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER dossiers_stats_update AFTER UPDATE ON dossiers FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.received_at IS DISTINCT FROM NEW.received_at
    OR OLD.finished_at IS DISTINCT FROM NEW.finished_at OR OLD.due_date IS DISTINCT FROM NEW.due_date
    OR OLD.channel IS DISTINCT FROM NEW.channel OR OLD.digitised IS DISTINCT FROM NEW.digitised
    OR OLD.has_e_result IS DISTINCT FROM NEW.has_e_result OR OLD.rating IS DISTINCT FROM NEW.rating
    OR OLD.supplement_count IS DISTINCT FROM NEW.supplement_count OR OLD.receiving_unit_path IS DISTINCT FROM NEW.receiving_unit_path
    OR OLD.procedure_id IS DISTINCT FROM NEW.procedure_id OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at)
  EXECUTE FUNCTION dossier_stats_trigger();

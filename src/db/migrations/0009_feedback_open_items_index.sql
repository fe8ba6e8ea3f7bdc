-- Duplicate suggestions at intake read the newest open items of one ward and category; with a
-- million answered items a (ward, category, status) index makes every intake walk all of them.
CREATE INDEX IF NOT EXISTS "feedback_items_open_area_cat_idx" ON "feedback_items" USING btree ("area_unit_id","category_code","received_at") WHERE "status" NOT IN ('rejected', 'sent', 'published') AND "duplicate_of_id" IS NULL;

CREATE TABLE "dossier_daily_stats" (
	"unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"procedure_id" uuid NOT NULL,
	"day" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"online" integer DEFAULT 0 NOT NULL,
	"digitised" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"early" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late_finished" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"dissatisfied" integer DEFAULT 0 NOT NULL,
	"days_sum" double precision DEFAULT 0 NOT NULL,
	"days_n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_daily_stats_unit_id_procedure_id_day_pk" PRIMARY KEY("unit_id","procedure_id","day")
);
--> statement-breakpoint
CREATE INDEX "dossier_daily_stats_path_idx" ON "dossier_daily_stats" USING btree ("unit_path" text_pattern_ops,"day");--> statement-breakpoint
CREATE INDEX "dossiers_open_path_idx" ON "dossiers" USING btree ("receiving_unit_path" text_pattern_ops) WHERE finished_at is null;
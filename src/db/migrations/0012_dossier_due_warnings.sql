CREATE TABLE "dossier_due_warnings" (
	"dossier_id" uuid NOT NULL,
	"level" text NOT NULL,
	"due_date" date NOT NULL,
	"step_index" smallint NOT NULL,
	"holder_unit_id" uuid NOT NULL,
	"recipients" uuid[] NOT NULL,
	"warned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossier_due_warnings_dossier_id_level_due_date_pk" PRIMARY KEY("dossier_id","level","due_date")
);

ALTER TABLE "revisions" ADD COLUMN "error_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "warn_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "revisions" AS r SET "error_count" = c.errors, "warn_count" = c.warnings
FROM (
  SELECT "revision_id",
    count(*) FILTER (WHERE "severity" = 'error')::int AS errors,
    count(*) FILTER (WHERE "severity" = 'warn')::int AS warnings
  FROM "findings" GROUP BY "revision_id"
) AS c
WHERE c."revision_id" = r."id";

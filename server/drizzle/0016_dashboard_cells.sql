CREATE TABLE "dashboard_month_cells" (
	"tenant_id" text NOT NULL,
	"measure" text NOT NULL,
	"month" date NOT NULL,
	"region_code" text NOT NULL,
	"ecosystem_code" text NOT NULL,
	"size_class" smallint NOT NULL,
	"on_platform" boolean NOT NULL,
	"n" integer NOT NULL,
	"amount" numeric NOT NULL,
	CONSTRAINT "dashboard_month_cells_tenant_id_measure_month_region_code_ecosystem_code_size_class_on_platform_pk" PRIMARY KEY("tenant_id","measure","month","region_code","ecosystem_code","size_class","on_platform")
);
--> statement-breakpoint
CREATE TABLE "dashboard_stage_cells" (
	"tenant_id" text NOT NULL,
	"region_code" text NOT NULL,
	"stage" text NOT NULL,
	"ecosystem_code" text NOT NULL,
	"projects" integer NOT NULL,
	"investment" numeric NOT NULL,
	CONSTRAINT "dashboard_stage_cells_tenant_id_region_code_stage_ecosystem_code_pk" PRIMARY KEY("tenant_id","region_code","stage","ecosystem_code")
);
--> statement-breakpoint
CREATE INDEX "projects_signed_idx" ON "projects" USING btree ("tenant_id","signed_on");--> statement-breakpoint
CREATE INDEX "projects_started_idx" ON "projects" USING btree ("tenant_id","started_on");--> statement-breakpoint
-- Written by hand (drizzle-kit does not express functions or triggers). The dashboard cells are kept exact in the
-- writing transaction: every statement on projects or their events adds its new rows' contributions and takes away
-- its old rows'. A change that moves no figure (a name, a version) nets to nothing and writes nothing. Cells are
-- written in key order, so two writers of the same cells wait for each other instead of deadlocking.
CREATE FUNCTION "dashboard_apply_projects"(old_set projects[], new_set projects[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dashboard_stage_cells AS c (tenant_id, region_code, stage, ecosystem_code, projects, investment)
  SELECT d.tenant_id, d.region_code, d.stage, coalesce(d.ecosystem_code, ''), sum(d.sign)::int, sum(d.sign * d.total_investment::numeric)
  FROM (SELECT 1 AS sign, p.* FROM unnest(new_set) p UNION ALL SELECT -1, p.* FROM unnest(old_set) p) d
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.sign) <> 0 OR sum(d.sign * d.total_investment::numeric) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (tenant_id, region_code, stage, ecosystem_code)
  DO UPDATE SET projects = c.projects + excluded.projects, investment = c.investment + excluded.investment;

  INSERT INTO dashboard_month_cells AS c (tenant_id, measure, month, region_code, ecosystem_code, size_class, on_platform, n, amount)
  SELECT m.tenant_id, m.measure, m.month, m.region_code, m.ecosystem_code, m.size_class, m.on_platform, sum(m.sign)::int, sum(m.sign * m.amount)
  FROM (
    SELECT d.sign, d.tenant_id, 'signed' AS measure, date_trunc('month', d.signed_on)::date AS month, d.region_code,
      coalesce(d.ecosystem_code, '') AS ecosystem_code, d.size_class, d.platform_code IS NOT NULL AS on_platform, d.total_investment::numeric AS amount
    FROM (SELECT 1 AS sign, p.* FROM unnest(new_set) p UNION ALL SELECT -1, p.* FROM unnest(old_set) p) d
    WHERE d.signed_on IS NOT NULL
    UNION ALL
    SELECT d.sign, d.tenant_id, 'started', date_trunc('month', d.started_on)::date, d.region_code,
      coalesce(d.ecosystem_code, ''), d.size_class, d.platform_code IS NOT NULL, d.total_investment::numeric
    FROM (SELECT 1 AS sign, p.* FROM unnest(new_set) p UNION ALL SELECT -1, p.* FROM unnest(old_set) p) d
    WHERE d.started_on IS NOT NULL
  ) m
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(m.sign) <> 0 OR sum(m.sign * m.amount) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (tenant_id, measure, month, region_code, ecosystem_code, size_class, on_platform)
  DO UPDATE SET n = c.n + excluded.n, amount = c.amount + excluded.amount;

  -- a project's arrivals count in its district: they follow it when it moves, come with it, leave with it
  INSERT INTO dashboard_month_cells AS c (tenant_id, measure, month, region_code, ecosystem_code, size_class, on_platform, n, amount)
  SELECT e.tenant_id, 'arrival', date_trunc('month', e.occurred_on)::date, m.region_code, '', 0, false,
    sum(m.sign)::int, sum(m.sign * coalesce(e.amount, 0)::numeric)
  FROM (
    SELECT -1 AS sign, o.tenant_id, o.id, o.region_code FROM unnest(old_set) o
    WHERE NOT EXISTS (SELECT 1 FROM unnest(new_set) n WHERE n.tenant_id = o.tenant_id AND n.id = o.id AND n.region_code = o.region_code)
    UNION ALL
    SELECT 1, n.tenant_id, n.id, n.region_code FROM unnest(new_set) n
    WHERE NOT EXISTS (SELECT 1 FROM unnest(old_set) o WHERE o.tenant_id = n.tenant_id AND o.id = n.id AND o.region_code = n.region_code)
  ) m
  JOIN project_events e ON e.tenant_id = m.tenant_id AND e.project_id = m.id AND e.kind = 'arrival'
  GROUP BY 1, 2, 3, 4
  HAVING sum(m.sign) <> 0 OR sum(m.sign * coalesce(e.amount, 0)::numeric) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (tenant_id, measure, month, region_code, ecosystem_code, size_class, on_platform)
  DO UPDATE SET n = c.n + excluded.n, amount = c.amount + excluded.amount;
$$;
--> statement-breakpoint
CREATE FUNCTION "dashboard_apply_arrivals"(old_set project_events[], new_set project_events[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dashboard_month_cells AS c (tenant_id, measure, month, region_code, ecosystem_code, size_class, on_platform, n, amount)
  SELECT e.tenant_id, 'arrival', date_trunc('month', e.occurred_on)::date, p.region_code, '', 0, false,
    sum(e.sign)::int, sum(e.sign * coalesce(e.amount, 0)::numeric)
  FROM (SELECT 1 AS sign, x.* FROM unnest(new_set) x UNION ALL SELECT -1, x.* FROM unnest(old_set) x) e
  JOIN projects p ON p.tenant_id = e.tenant_id AND p.id = e.project_id
  WHERE e.kind = 'arrival'
  GROUP BY 1, 2, 3, 4
  HAVING sum(e.sign) <> 0 OR sum(e.sign * coalesce(e.amount, 0)::numeric) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (tenant_id, measure, month, region_code, ecosystem_code, size_class, on_platform)
  DO UPDATE SET n = c.n + excluded.n, amount = c.amount + excluded.amount;
$$;
--> statement-breakpoint
CREATE FUNCTION "dashboard_projects_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_apply_projects(array[]::projects[], array(SELECT n::projects FROM new_rows n));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "dashboard_projects_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_apply_projects(array(SELECT o::projects FROM old_rows o), array(SELECT n::projects FROM new_rows n));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "dashboard_projects_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_apply_projects(array(SELECT o::projects FROM old_rows o), array[]::projects[]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "dashboard_events_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_apply_arrivals(array[]::project_events[], array(SELECT n::project_events FROM new_rows n WHERE n.kind = 'arrival'));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "dashboard_events_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_apply_arrivals(array(SELECT o::project_events FROM old_rows o WHERE o.kind = 'arrival'),
                                   array(SELECT n::project_events FROM new_rows n WHERE n.kind = 'arrival'));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "dashboard_events_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_apply_arrivals(array(SELECT o::project_events FROM old_rows o WHERE o.kind = 'arrival'), array[]::project_events[]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "dashboard_projects_insert" AFTER INSERT ON "projects" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_projects_inserted();
--> statement-breakpoint
CREATE TRIGGER "dashboard_projects_update" AFTER UPDATE ON "projects" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_projects_updated();
--> statement-breakpoint
CREATE TRIGGER "dashboard_projects_delete" AFTER DELETE ON "projects" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_projects_deleted();
--> statement-breakpoint
CREATE TRIGGER "dashboard_events_insert" AFTER INSERT ON "project_events" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_events_inserted();
--> statement-breakpoint
CREATE TRIGGER "dashboard_events_update" AFTER UPDATE ON "project_events" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_events_updated();
--> statement-breakpoint
CREATE TRIGGER "dashboard_events_delete" AFTER DELETE ON "project_events" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_events_deleted();
--> statement-breakpoint
-- the cells of the projects already there
INSERT INTO dashboard_stage_cells (tenant_id, region_code, stage, ecosystem_code, projects, investment)
SELECT tenant_id, region_code, stage, coalesce(ecosystem_code, ''), count(*), sum(total_investment::numeric)
FROM projects GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO dashboard_month_cells (tenant_id, measure, month, region_code, ecosystem_code, size_class, on_platform, n, amount)
SELECT tenant_id, 'signed', date_trunc('month', signed_on)::date, region_code, coalesce(ecosystem_code, ''), size_class, platform_code IS NOT NULL,
  count(*), sum(total_investment::numeric)
FROM projects WHERE signed_on IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7
UNION ALL
SELECT tenant_id, 'started', date_trunc('month', started_on)::date, region_code, coalesce(ecosystem_code, ''), size_class, platform_code IS NOT NULL,
  count(*), sum(total_investment::numeric)
FROM projects WHERE started_on IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7
UNION ALL
SELECT e.tenant_id, 'arrival', date_trunc('month', e.occurred_on)::date, p.region_code, '', 0, false, count(*), sum(coalesce(e.amount, 0)::numeric)
FROM project_events e JOIN projects p ON p.tenant_id = e.tenant_id AND p.id = e.project_id
WHERE e.kind = 'arrival' GROUP BY 1, 2, 3, 4;

DROP INDEX "relations_from_idx";--> statement-breakpoint
DROP INDEX "relations_to_idx";--> statement-breakpoint
CREATE INDEX "targeting_chain_firms_region_idx" ON "targeting_chain_firms" USING btree ("tenant_id","chain_code","region_code");--> statement-breakpoint
CREATE INDEX "relations_from_idx" ON "enterprise_relations" USING btree ("tenant_id","from_id","kind","to_id");--> statement-breakpoint
CREATE INDEX "relations_to_idx" ON "enterprise_relations" USING btree ("tenant_id","to_id","kind","from_id");
CREATE INDEX "enterprises_trade_name_prefix" ON "enterprises" USING btree ("tenant_id","trade_name_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprises_initials_prefix" ON "enterprises" USING btree ("tenant_id","name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprises_revenue_sort" ON "enterprises" USING btree ("tenant_id","revenue" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "enterprises_employees_sort" ON "enterprises" USING btree ("tenant_id","employees" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "enterprises_founded_sort" ON "enterprises" USING btree ("tenant_id","founded_on" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "enterprises_name_sort" ON "enterprises" USING btree ("tenant_id","name","id");--> statement-breakpoint
CREATE INDEX "enterprises_chain_leader_idx" ON "enterprises" USING btree ("tenant_id") WHERE chain_leader;
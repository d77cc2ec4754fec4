CREATE TABLE "targeting_weights" (
	"tenant_id" text NOT NULL,
	"chain_code" text NOT NULL,
	"weights" jsonb NOT NULL,
	"intercept" double precision NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "targeting_weights_tenant_id_chain_code_pk" PRIMARY KEY("tenant_id","chain_code")
);

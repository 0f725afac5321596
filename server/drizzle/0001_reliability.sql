CREATE TABLE `job_runs` (
	`name` varchar(64) NOT NULL,
	`slot` bigint NOT NULL,
	`instance` varchar(64) NOT NULL,
	`started_at` datetime(3) NOT NULL,
	`finished_at` datetime(3),
	`outcome` text,
	CONSTRAINT `job_runs_name_slot_pk` PRIMARY KEY(`name`,`slot`)
);
--> statement-breakpoint
ALTER TABLE `wecom_outbox` ADD `locked_by` varchar(32);
CREATE TABLE `approval_cc` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`instance_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `approval_cc_id` PRIMARY KEY(`id`),
	CONSTRAINT `approval_cc_uq` UNIQUE(`corp_id`,`user_id`,`instance_id`)
);
--> statement-breakpoint
CREATE TABLE `approval_flows` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`doc_type` varchar(32) NOT NULL,
	`version` int NOT NULL,
	`name` varchar(100) NOT NULL,
	`definition` json NOT NULL,
	`is_active` boolean NOT NULL DEFAULT true,
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `approval_flows_id` PRIMARY KEY(`id`),
	CONSTRAINT `approval_flows_version_uq` UNIQUE(`corp_id`,`doc_type`,`version`)
);
--> statement-breakpoint
CREATE TABLE `approval_history` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`instance_id` bigint unsigned NOT NULL,
	`action` enum('approve','reject','return','transfer','add_approver','withdraw','submit','resubmit','skip','complete') NOT NULL,
	`actor_id` bigint unsigned,
	`target_user_id` bigint unsigned,
	`step_index` int,
	`comment` text,
	`via` enum('app','card','system') NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `approval_history_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `approval_instances` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`flow_id` bigint unsigned NOT NULL,
	`doc_type` varchar(32) NOT NULL,
	`doc_id` bigint unsigned NOT NULL,
	`applicant_id` bigint unsigned NOT NULL,
	`department_id` bigint unsigned,
	`title` varchar(200) NOT NULL,
	`summary` varchar(1000) NOT NULL DEFAULT '',
	`amount` bigint,
	`currency` varchar(3) NOT NULL DEFAULT 'CNY',
	`attributes` json NOT NULL,
	`status` enum('draft','pending','approved','rejected','withdrawn') NOT NULL,
	`round` int NOT NULL DEFAULT 1,
	`current_step` int,
	`decided_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `approval_instances_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `approval_steps` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`instance_id` bigint unsigned NOT NULL,
	`round` int NOT NULL,
	`step_index` int NOT NULL,
	`name` varchar(50) NOT NULL,
	`mode` enum('any','all') NOT NULL,
	`status` enum('pending','approved','rejected','returned','skipped','cancelled') NOT NULL,
	`decided_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `approval_steps_id` PRIMARY KEY(`id`),
	CONSTRAINT `approval_steps_uq` UNIQUE(`instance_id`,`round`,`step_index`)
);
--> statement-breakpoint
CREATE TABLE `approval_tasks` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`instance_id` bigint unsigned NOT NULL,
	`step_id` bigint unsigned NOT NULL,
	`approver_id` bigint unsigned NOT NULL,
	`status` enum('pending','approved','rejected','returned','transferred','cancelled') NOT NULL,
	`added` boolean NOT NULL DEFAULT false,
	`comment` text,
	`acted_at` datetime(3),
	`card_task_id` varchar(128),
	`card_response_code` varchar(256),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `approval_tasks_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `file_links` (
	`file_id` bigint unsigned NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`doc_type` varchar(32) NOT NULL,
	`doc_id` bigint unsigned NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `file_links_file_id_doc_type_doc_id_pk` PRIMARY KEY(`file_id`,`doc_type`,`doc_id`)
);
--> statement-breakpoint
CREATE TABLE `files` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`uploader_id` bigint unsigned NOT NULL,
	`sha256` char(64) NOT NULL,
	`content_type` varchar(64) NOT NULL,
	`size` int NOT NULL,
	`original_name` varchar(200),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `files_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `advance_offsets` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`advance_id` bigint unsigned NOT NULL,
	`claim_id` bigint unsigned NOT NULL,
	`amount` bigint NOT NULL,
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `advance_offsets_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `expense_advances` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`department_id` bigint unsigned,
	`amount` bigint NOT NULL,
	`currency` varchar(3) NOT NULL DEFAULT 'CNY',
	`reason` varchar(500) NOT NULL,
	`status` enum('draft','pending','approved','rejected','settled') NOT NULL DEFAULT 'draft',
	`offset_amount` bigint NOT NULL DEFAULT 0,
	`approval_instance_id` bigint unsigned,
	`submitted_at` datetime(3),
	`approved_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `expense_advances_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `expense_categories` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`name` varchar(50) NOT NULL,
	`sort_order` int NOT NULL DEFAULT 0,
	`is_active` boolean NOT NULL DEFAULT true,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `expense_categories_id` PRIMARY KEY(`id`),
	CONSTRAINT `expense_categories_name_uq` UNIQUE(`corp_id`,`name`)
);
--> statement-breakpoint
CREATE TABLE `expense_claims` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`department_id` bigint unsigned,
	`title` varchar(100) NOT NULL,
	`status` enum('draft','pending','approved','rejected','reimbursed') NOT NULL DEFAULT 'draft',
	`total_amount` bigint NOT NULL DEFAULT 0,
	`currency` varchar(3) NOT NULL DEFAULT 'CNY',
	`approval_instance_id` bigint unsigned,
	`submitted_at` datetime(3),
	`approved_at` datetime(3),
	`offset_amount` bigint NOT NULL DEFAULT 0,
	`paid_amount` bigint,
	`reimbursed_on` date,
	`reimburse_method` enum('bank_transfer','cash','wechat','alipay','other'),
	`reimbursed_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `expense_claims_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `expense_limits` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`category_id` bigint unsigned NOT NULL,
	`role` enum('admin','manager','rep','finance') NOT NULL,
	`max_per_claim` bigint NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `expense_limits_id` PRIMARY KEY(`id`),
	CONSTRAINT `expense_limits_uq` UNIQUE(`corp_id`,`category_id`,`role`)
);
--> statement-breakpoint
CREATE TABLE `expense_lines` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`claim_id` bigint unsigned NOT NULL,
	`spent_on` date NOT NULL,
	`category_id` bigint unsigned NOT NULL,
	`amount` bigint NOT NULL,
	`description` varchar(500) NOT NULL DEFAULT '',
	`customer_id` bigint unsigned,
	`opportunity_id` bigint unsigned,
	`visit_id` bigint unsigned,
	`sort_order` int NOT NULL DEFAULT 0,
	CONSTRAINT `expense_lines_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `report_comments` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`report_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`body` text NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `report_comments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `work_reports` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`type` enum('daily','weekly') NOT NULL,
	`period_start` date NOT NULL,
	`period_end` date NOT NULL,
	`to_user_id` bigint unsigned,
	`done` text NOT NULL,
	`plans` text NOT NULL,
	`problems` text NOT NULL,
	`auto_summary` json NOT NULL,
	`submitted_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `work_reports_id` PRIMARY KEY(`id`),
	CONSTRAINT `work_reports_period_uq` UNIQUE(`corp_id`,`type`,`period_start`,`user_id`)
);
--> statement-breakpoint
ALTER TABLE `approval_cc` ADD CONSTRAINT `approval_cc_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_cc` ADD CONSTRAINT `approval_cc_instance_id_approval_instances_id_fk` FOREIGN KEY (`instance_id`) REFERENCES `approval_instances`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_cc` ADD CONSTRAINT `approval_cc_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_flows` ADD CONSTRAINT `approval_flows_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_flows` ADD CONSTRAINT `approval_flows_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_history` ADD CONSTRAINT `approval_history_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_history` ADD CONSTRAINT `approval_history_instance_id_approval_instances_id_fk` FOREIGN KEY (`instance_id`) REFERENCES `approval_instances`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_history` ADD CONSTRAINT `approval_history_actor_id_users_id_fk` FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_history` ADD CONSTRAINT `approval_history_target_user_id_users_id_fk` FOREIGN KEY (`target_user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_instances` ADD CONSTRAINT `approval_instances_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_instances` ADD CONSTRAINT `approval_instances_flow_id_approval_flows_id_fk` FOREIGN KEY (`flow_id`) REFERENCES `approval_flows`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_instances` ADD CONSTRAINT `approval_instances_applicant_id_users_id_fk` FOREIGN KEY (`applicant_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_instances` ADD CONSTRAINT `approval_instances_department_id_departments_id_fk` FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_steps` ADD CONSTRAINT `approval_steps_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_steps` ADD CONSTRAINT `approval_steps_instance_id_approval_instances_id_fk` FOREIGN KEY (`instance_id`) REFERENCES `approval_instances`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_tasks` ADD CONSTRAINT `approval_tasks_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_tasks` ADD CONSTRAINT `approval_tasks_instance_id_approval_instances_id_fk` FOREIGN KEY (`instance_id`) REFERENCES `approval_instances`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_tasks` ADD CONSTRAINT `approval_tasks_step_id_approval_steps_id_fk` FOREIGN KEY (`step_id`) REFERENCES `approval_steps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `approval_tasks` ADD CONSTRAINT `approval_tasks_approver_id_users_id_fk` FOREIGN KEY (`approver_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `file_links` ADD CONSTRAINT `file_links_file_id_files_id_fk` FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `file_links` ADD CONSTRAINT `file_links_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `files` ADD CONSTRAINT `files_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `files` ADD CONSTRAINT `files_uploader_id_users_id_fk` FOREIGN KEY (`uploader_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `advance_offsets` ADD CONSTRAINT `advance_offsets_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `advance_offsets` ADD CONSTRAINT `advance_offsets_advance_id_expense_advances_id_fk` FOREIGN KEY (`advance_id`) REFERENCES `expense_advances`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `advance_offsets` ADD CONSTRAINT `advance_offsets_claim_id_expense_claims_id_fk` FOREIGN KEY (`claim_id`) REFERENCES `expense_claims`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `advance_offsets` ADD CONSTRAINT `advance_offsets_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expense_advances` ADD CONSTRAINT `expense_advances_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expense_advances` ADD CONSTRAINT `expense_advances_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expense_advances` ADD CONSTRAINT `expense_advances_department_id_departments_id_fk` FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expense_advances` ADD CONSTRAINT `expense_advances_approval_instance_id_approval_instances_id_fk` FOREIGN KEY (`approval_instance_id`) REFERENCES `approval_instances`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expense_categories` ADD CONSTRAINT `expense_categories_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expense_claims` ADD CONSTRAINT `expense_claims_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expense_claims` ADD CONSTRAINT `expense_claims_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expense_claims` ADD CONSTRAINT `expense_claims_department_id_departments_id_fk` FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expense_claims` ADD CONSTRAINT `expense_claims_approval_instance_id_approval_instances_id_fk` FOREIGN KEY (`approval_instance_id`) REFERENCES `approval_instances`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expense_claims` ADD CONSTRAINT `expense_claims_reimbursed_by_users_id_fk` FOREIGN KEY (`reimbursed_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expense_limits` ADD CONSTRAINT `expense_limits_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expense_limits` ADD CONSTRAINT `expense_limits_category_id_expense_categories_id_fk` FOREIGN KEY (`category_id`) REFERENCES `expense_categories`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expense_lines` ADD CONSTRAINT `expense_lines_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expense_lines` ADD CONSTRAINT `expense_lines_claim_id_expense_claims_id_fk` FOREIGN KEY (`claim_id`) REFERENCES `expense_claims`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expense_lines` ADD CONSTRAINT `expense_lines_category_id_expense_categories_id_fk` FOREIGN KEY (`category_id`) REFERENCES `expense_categories`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `expense_lines` ADD CONSTRAINT `expense_lines_customer_id_customers_id_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `report_comments` ADD CONSTRAINT `report_comments_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `report_comments` ADD CONSTRAINT `report_comments_report_id_work_reports_id_fk` FOREIGN KEY (`report_id`) REFERENCES `work_reports`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `report_comments` ADD CONSTRAINT `report_comments_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `work_reports` ADD CONSTRAINT `work_reports_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `work_reports` ADD CONSTRAINT `work_reports_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `work_reports` ADD CONSTRAINT `work_reports_to_user_id_users_id_fk` FOREIGN KEY (`to_user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `approval_flows_active_idx` ON `approval_flows` (`corp_id`,`doc_type`,`is_active`);--> statement-breakpoint
CREATE INDEX `approval_history_instance_idx` ON `approval_history` (`instance_id`,`id`);--> statement-breakpoint
CREATE INDEX `approval_instances_doc_idx` ON `approval_instances` (`corp_id`,`doc_type`,`doc_id`);--> statement-breakpoint
CREATE INDEX `approval_instances_applicant_idx` ON `approval_instances` (`corp_id`,`applicant_id`,`id`);--> statement-breakpoint
CREATE INDEX `approval_tasks_approver_idx` ON `approval_tasks` (`corp_id`,`approver_id`,`status`,`instance_id`);--> statement-breakpoint
CREATE INDEX `approval_tasks_instance_idx` ON `approval_tasks` (`instance_id`,`step_id`);--> statement-breakpoint
CREATE INDEX `approval_tasks_card_idx` ON `approval_tasks` (`card_task_id`);--> statement-breakpoint
CREATE INDEX `file_links_doc_idx` ON `file_links` (`corp_id`,`doc_type`,`doc_id`);--> statement-breakpoint
CREATE INDEX `files_corp_hash_idx` ON `files` (`corp_id`,`sha256`);--> statement-breakpoint
CREATE INDEX `advance_offsets_advance_idx` ON `advance_offsets` (`advance_id`,`id`);--> statement-breakpoint
CREATE INDEX `advance_offsets_claim_idx` ON `advance_offsets` (`claim_id`);--> statement-breakpoint
CREATE INDEX `expense_advances_user_idx` ON `expense_advances` (`corp_id`,`user_id`,`status`);--> statement-breakpoint
CREATE INDEX `expense_claims_user_idx` ON `expense_claims` (`corp_id`,`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `expense_claims_status_idx` ON `expense_claims` (`corp_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `expense_lines_claim_idx` ON `expense_lines` (`claim_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `expense_lines_customer_idx` ON `expense_lines` (`corp_id`,`customer_id`,`spent_on`);--> statement-breakpoint
CREATE INDEX `report_comments_report_idx` ON `report_comments` (`report_id`,`id`);--> statement-breakpoint
CREATE INDEX `work_reports_user_idx` ON `work_reports` (`corp_id`,`user_id`,`id`);
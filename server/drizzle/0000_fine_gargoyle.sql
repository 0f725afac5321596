CREATE TABLE `corps` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`wecom_corp_id` varchar(64) NOT NULL,
	`name` varchar(100) NOT NULL,
	`agent_id` varchar(16) NOT NULL,
	`settings` json NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `corps_id` PRIMARY KEY(`id`),
	CONSTRAINT `corps_wecom_corp_id_uq` UNIQUE(`wecom_corp_id`)
);
--> statement-breakpoint
CREATE TABLE `departments` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`wecom_dept_id` int NOT NULL,
	`parent_id` bigint unsigned,
	`name` varchar(100) NOT NULL,
	`path` varchar(512) NOT NULL,
	`sort_order` int NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `departments_id` PRIMARY KEY(`id`),
	CONSTRAINT `departments_corp_wecom_uq` UNIQUE(`corp_id`,`wecom_dept_id`)
);
--> statement-breakpoint
CREATE TABLE `user_departments` (
	`user_id` bigint unsigned NOT NULL,
	`department_id` bigint unsigned NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`is_leader` boolean NOT NULL DEFAULT false,
	CONSTRAINT `user_departments_user_id_department_id_pk` PRIMARY KEY(`user_id`,`department_id`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`wecom_user_id` varchar(64) NOT NULL,
	`name` varchar(100) NOT NULL,
	`mobile` varchar(20),
	`email` varchar(120),
	`avatar` varchar(500),
	`status` enum('active','disabled','deleted') NOT NULL DEFAULT 'active',
	`role` enum('admin','manager','rep','finance') NOT NULL DEFAULT 'rep',
	`main_department_id` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_corp_wecom_uq` UNIQUE(`corp_id`,`wecom_user_id`)
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`token_hash` char(64) NOT NULL,
	`kind` enum('oauth','mp','dev') NOT NULL,
	`user_agent` varchar(255),
	`created_at` datetime(3) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`revoked_at` datetime(3),
	CONSTRAINT `sessions_id` PRIMARY KEY(`id`),
	CONSTRAINT `sessions_token_hash_uq` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned,
	`action` varchar(64) NOT NULL,
	`entity_type` varchar(64) NOT NULL,
	`entity_id` varchar(32) NOT NULL,
	`before` json,
	`after` json,
	`request_id` varchar(64),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `audit_log_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`idem_key` varchar(128) NOT NULL,
	`request_hash` char(64) NOT NULL,
	`status_code` int,
	`response` json,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `idempotency_keys_id` PRIMARY KEY(`id`),
	CONSTRAINT `idempotency_keys_uq` UNIQUE(`corp_id`,`user_id`,`idem_key`)
);
--> statement-breakpoint
ALTER TABLE `departments` ADD CONSTRAINT `departments_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `departments` ADD CONSTRAINT `departments_parent_id_departments_id_fk` FOREIGN KEY (`parent_id`) REFERENCES `departments`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `user_departments` ADD CONSTRAINT `user_departments_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `user_departments` ADD CONSTRAINT `user_departments_department_id_departments_id_fk` FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `user_departments` ADD CONSTRAINT `user_departments_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `users` ADD CONSTRAINT `users_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `users` ADD CONSTRAINT `users_main_department_id_departments_id_fk` FOREIGN KEY (`main_department_id`) REFERENCES `departments`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sessions` ADD CONSTRAINT `sessions_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sessions` ADD CONSTRAINT `sessions_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `audit_log` ADD CONSTRAINT `audit_log_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `audit_log` ADD CONSTRAINT `audit_log_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD CONSTRAINT `idempotency_keys_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD CONSTRAINT `idempotency_keys_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `departments_corp_path_idx` ON `departments` (`corp_id`,`path`);--> statement-breakpoint
CREATE INDEX `user_departments_dept_idx` ON `user_departments` (`department_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`corp_id`,`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_corp_time_idx` ON `audit_log` (`corp_id`,`created_at`);
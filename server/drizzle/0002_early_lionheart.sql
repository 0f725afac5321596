CREATE TABLE `external_contact_events` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`external_contact_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned,
	`wecom_user_id` varchar(64),
	`kind` varchar(32) NOT NULL,
	`message` varchar(500) NOT NULL,
	`source_key` varchar(96) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `external_contact_events_id` PRIMARY KEY(`id`),
	CONSTRAINT `external_contact_events_source_uq` UNIQUE(`corp_id`,`source_key`)
);
--> statement-breakpoint
CREATE TABLE `wecom_group_chats` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`chat_id` varchar(64) NOT NULL,
	`name` varchar(200) NOT NULL DEFAULT '',
	`owner_wecom_user_id` varchar(64),
	`owner_user_id` bigint unsigned,
	`members` json NOT NULL,
	`dismissed_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `wecom_group_chats_id` PRIMARY KEY(`id`),
	CONSTRAINT `wecom_group_chats_uq` UNIQUE(`corp_id`,`chat_id`)
);
--> statement-breakpoint
CREATE TABLE `wecom_inbox` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`payload_hash` char(64) NOT NULL,
	`wecom_corp_id` varchar(64) NOT NULL,
	`kind` varchar(96) NOT NULL,
	`order_key` varchar(128) NOT NULL,
	`payload` json NOT NULL,
	`status` enum('pending','processing','done','dead') NOT NULL DEFAULT 'pending',
	`attempts` int NOT NULL DEFAULT 0,
	`next_attempt_at` datetime(3) NOT NULL,
	`locked_by` varchar(32),
	`last_error` text,
	`received_at` datetime(3) NOT NULL,
	`processed_at` datetime(3),
	CONSTRAINT `wecom_inbox_id` PRIMARY KEY(`id`),
	CONSTRAINT `wecom_inbox_hash_uq` UNIQUE(`payload_hash`)
);
--> statement-breakpoint
CREATE TABLE `wecom_oauth_states` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`state` varchar(64) NOT NULL,
	`browser_hash` char(64) NOT NULL,
	`redirect_path` varchar(1000) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`used_at` datetime(3),
	CONSTRAINT `wecom_oauth_states_id` PRIMARY KEY(`id`),
	CONSTRAINT `wecom_oauth_states_state_uq` UNIQUE(`state`)
);
--> statement-breakpoint
CREATE TABLE `wecom_outbox` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`dedupe_key` varchar(191) NOT NULL,
	`to_users` json NOT NULL,
	`msg_type` varchar(32) NOT NULL,
	`message` json NOT NULL,
	`task_id` varchar(128),
	`source_module` varchar(64),
	`source_ref` varchar(128),
	`status` enum('pending','processing','done','dead') NOT NULL DEFAULT 'pending',
	`attempts` int NOT NULL DEFAULT 0,
	`next_attempt_at` datetime(3) NOT NULL,
	`last_error` text,
	`msg_id` varchar(128),
	`response_code` varchar(256),
	`created_at` datetime(3) NOT NULL,
	`sent_at` datetime(3),
	CONSTRAINT `wecom_outbox_id` PRIMARY KEY(`id`),
	CONSTRAINT `wecom_outbox_dedupe_uq` UNIQUE(`corp_id`,`dedupe_key`)
);
--> statement-breakpoint
CREATE TABLE `wecom_tokens` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`cache_key` char(64) NOT NULL,
	`kind` varchar(32) NOT NULL,
	`value` varchar(1024),
	`expires_at` datetime(3),
	`lease_until` datetime(3),
	`lease_owner` varchar(32),
	`fetch_count` int NOT NULL DEFAULT 0,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `wecom_tokens_id` PRIMARY KEY(`id`),
	CONSTRAINT `wecom_tokens_key_uq` UNIQUE(`cache_key`)
);
--> statement-breakpoint
CREATE TABLE `wecom_transfers` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`kind` enum('in_service','resigned') NOT NULL,
	`external_userid` varchar(64) NOT NULL,
	`handover_userid` varchar(64) NOT NULL,
	`takeover_userid` varchar(64) NOT NULL,
	`status` varchar(32) NOT NULL,
	`errcode` int,
	`message` varchar(500),
	`requested_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `wecom_transfers_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `external_contact_events` ADD CONSTRAINT `external_contact_events_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `external_contact_events` ADD CONSTRAINT `ext_contact_events_contact_fk` FOREIGN KEY (`external_contact_id`) REFERENCES `external_contacts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `external_contact_events` ADD CONSTRAINT `external_contact_events_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `wecom_group_chats` ADD CONSTRAINT `wecom_group_chats_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `wecom_group_chats` ADD CONSTRAINT `wecom_group_chats_owner_user_id_users_id_fk` FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `wecom_outbox` ADD CONSTRAINT `wecom_outbox_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `wecom_transfers` ADD CONSTRAINT `wecom_transfers_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `wecom_transfers` ADD CONSTRAINT `wecom_transfers_requested_by_users_id_fk` FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `external_contact_events_contact_idx` ON `external_contact_events` (`external_contact_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `wecom_inbox_claim_idx` ON `wecom_inbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `wecom_inbox_order_idx` ON `wecom_inbox` (`order_key`,`id`);--> statement-breakpoint
CREATE INDEX `wecom_oauth_states_expires_idx` ON `wecom_oauth_states` (`expires_at`);--> statement-breakpoint
CREATE INDEX `wecom_outbox_claim_idx` ON `wecom_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `wecom_outbox_task_idx` ON `wecom_outbox` (`corp_id`,`task_id`);--> statement-breakpoint
CREATE INDEX `wecom_transfers_ext_idx` ON `wecom_transfers` (`corp_id`,`external_userid`,`created_at`);
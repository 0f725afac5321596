CREATE TABLE `pool_departments` (
	`pool_id` bigint unsigned NOT NULL,
	`department_id` bigint unsigned NOT NULL,
	CONSTRAINT `pool_departments_pool_id_department_id_pk` PRIMARY KEY(`pool_id`,`department_id`)
);
--> statement-breakpoint
CREATE TABLE `pool_members` (
	`pool_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	CONSTRAINT `pool_members_pool_id_user_id_pk` PRIMARY KEY(`pool_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `pool_reclaim_reminders` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`entity_type` enum('customer','lead') NOT NULL,
	`entity_id` bigint unsigned NOT NULL,
	`owner_id` bigint unsigned NOT NULL,
	`reclaim_at` datetime(3) NOT NULL,
	`rule` varchar(64) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `pool_reclaim_reminders_id` PRIMARY KEY(`id`),
	CONSTRAINT `pool_reclaim_reminders_uq` UNIQUE(`entity_type`,`entity_id`,`owner_id`,`reclaim_at`)
);
--> statement-breakpoint
CREATE TABLE `pool_rules` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`pool_id` bigint unsigned NOT NULL,
	`grade` varchar(16) NOT NULL DEFAULT '',
	`hold_limit` int,
	`reclaim_no_follow_up_days` int,
	`reclaim_no_deal_days` int,
	`remind_days_before` int,
	CONSTRAINT `pool_rules_id` PRIMARY KEY(`id`),
	CONSTRAINT `pool_rules_pool_grade_uq` UNIQUE(`pool_id`,`grade`)
);
--> statement-breakpoint
CREATE TABLE `pool_user_counters` (
	`corp_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`entity_type` enum('customer','lead') NOT NULL,
	`last_action_at` datetime(3),
	CONSTRAINT `pool_user_counters_user_id_entity_type_pk` PRIMARY KEY(`user_id`,`entity_type`)
);
--> statement-breakpoint
CREATE TABLE `pools` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`entity_type` enum('customer','lead') NOT NULL,
	`name` varchar(100) NOT NULL,
	`is_default` boolean NOT NULL DEFAULT false,
	`claim_daily_limit` int,
	`hold_limit` int,
	`cooldown_days` int,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `pools_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `customer_collaborators` (
	`customer_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`permission` enum('read','edit') NOT NULL DEFAULT 'read',
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `customer_collaborators_customer_id_user_id_pk` PRIMARY KEY(`customer_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `customer_group_chats` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`customer_id` bigint unsigned NOT NULL,
	`chat_id` varchar(64) NOT NULL,
	`name` varchar(100),
	`bound_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `customer_group_chats_id` PRIMARY KEY(`id`),
	CONSTRAINT `customer_group_chats_chat_uq` UNIQUE(`corp_id`,`chat_id`)
);
--> statement-breakpoint
CREATE TABLE `customers` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`name` varchar(100) NOT NULL,
	`name_key` varchar(100) NOT NULL,
	`credit_code` varchar(18),
	`registered_capital` bigint,
	`legal_representative` varchar(50),
	`address` varchar(300),
	`longitude` decimal(10,6),
	`latitude` decimal(10,6),
	`region` varchar(100),
	`industry` varchar(50),
	`grade` varchar(16),
	`source` varchar(50),
	`tags` json NOT NULL,
	`remark` text,
	`owner_id` bigint unsigned,
	`pool_id` bigint unsigned,
	`owned_at` datetime(3),
	`locked` boolean NOT NULL DEFAULT false,
	`status` enum('active','discarded') NOT NULL DEFAULT 'active',
	`deal_status` enum('none','won') NOT NULL DEFAULT 'none',
	`follow_up_count` int NOT NULL DEFAULT 0,
	`last_follow_up_at` datetime(3),
	`next_follow_up_at` datetime(3),
	`open_opportunity_count` int NOT NULL DEFAULT 0,
	`won_amount` bigint NOT NULL DEFAULT 0,
	`last_won_at` datetime(3),
	`contract_total` bigint NOT NULL DEFAULT 0,
	`received_amount` bigint NOT NULL DEFAULT 0,
	`currency` varchar(3) NOT NULL DEFAULT 'CNY',
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `customers_id` PRIMARY KEY(`id`),
	CONSTRAINT `customers_corp_name_key_uq` UNIQUE(`corp_id`,`name_key`),
	CONSTRAINT `customers_corp_credit_code_uq` UNIQUE(`corp_id`,`credit_code`)
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`customer_id` bigint unsigned NOT NULL,
	`name` varchar(50) NOT NULL,
	`mobile` varchar(20),
	`wechat_id` varchar(64),
	`title` varchar(50),
	`department` varchar(50),
	`email` varchar(120),
	`is_key_decision_maker` boolean NOT NULL DEFAULT false,
	`reports_to_id` bigint unsigned,
	`remark` varchar(1000),
	`external_contact_id` bigint unsigned,
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `contacts_id` PRIMARY KEY(`id`),
	CONSTRAINT `contacts_external_contact_uq` UNIQUE(`external_contact_id`)
);
--> statement-breakpoint
CREATE TABLE `leads` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`name` varchar(100) NOT NULL,
	`company` varchar(200),
	`mobile` varchar(20),
	`wechat_id` varchar(64),
	`region` varchar(100),
	`source` varchar(50),
	`campaign_id` bigint unsigned,
	`grade` varchar(16),
	`tags` json NOT NULL,
	`need` text,
	`owner_id` bigint unsigned,
	`pool_id` bigint unsigned,
	`owned_at` datetime(3),
	`status` enum('active','converted','discarded') NOT NULL DEFAULT 'active',
	`external_contact_id` bigint unsigned,
	`converted_customer_id` bigint unsigned,
	`converted_contact_id` bigint unsigned,
	`converted_at` datetime(3),
	`follow_up_count` int NOT NULL DEFAULT 0,
	`last_follow_up_at` datetime(3),
	`next_follow_up_at` datetime(3),
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `leads_id` PRIMARY KEY(`id`),
	CONSTRAINT `leads_external_contact_uq` UNIQUE(`external_contact_id`)
);
--> statement-breakpoint
CREATE TABLE `follow_up_contacts` (
	`follow_up_id` bigint unsigned NOT NULL,
	`contact_id` bigint unsigned NOT NULL,
	CONSTRAINT `follow_up_contacts_follow_up_id_contact_id_pk` PRIMARY KEY(`follow_up_id`,`contact_id`)
);
--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`type` enum('phone','wechat','visit','meeting','email','other') NOT NULL,
	`content` text NOT NULL,
	`images` json NOT NULL,
	`customer_id` bigint unsigned,
	`contact_id` bigint unsigned,
	`lead_id` bigint unsigned,
	`opportunity_id` bigint unsigned,
	`next_step` varchar(500),
	`next_follow_up_at` datetime(3),
	`reminded_at` datetime(3),
	`occurred_at` datetime(3) NOT NULL,
	`author_id` bigint unsigned NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `follow_ups_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `ownership_actions` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`entity_type` enum('customer','lead') NOT NULL,
	`entity_id` bigint unsigned NOT NULL,
	`action` enum('create','transfer','reclaim','claim','return','assign','convert','discard','restore') NOT NULL,
	`actor_id` bigint unsigned,
	`from_user_id` bigint unsigned,
	`to_user_id` bigint unsigned,
	`from_pool_id` bigint unsigned,
	`to_pool_id` bigint unsigned,
	`reason` varchar(500),
	`rule` varchar(64),
	`rule_respected` boolean NOT NULL DEFAULT true,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `ownership_actions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `pool_departments` ADD CONSTRAINT `pool_departments_pool_id_pools_id_fk` FOREIGN KEY (`pool_id`) REFERENCES `pools`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `pool_departments` ADD CONSTRAINT `pool_departments_department_id_departments_id_fk` FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `pool_members` ADD CONSTRAINT `pool_members_pool_id_pools_id_fk` FOREIGN KEY (`pool_id`) REFERENCES `pools`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `pool_members` ADD CONSTRAINT `pool_members_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `pool_reclaim_reminders` ADD CONSTRAINT `pool_reclaim_reminders_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `pool_reclaim_reminders` ADD CONSTRAINT `pool_reclaim_reminders_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `pool_rules` ADD CONSTRAINT `pool_rules_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `pool_rules` ADD CONSTRAINT `pool_rules_pool_id_pools_id_fk` FOREIGN KEY (`pool_id`) REFERENCES `pools`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `pool_user_counters` ADD CONSTRAINT `pool_user_counters_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `pool_user_counters` ADD CONSTRAINT `pool_user_counters_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `pools` ADD CONSTRAINT `pools_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `customer_collaborators` ADD CONSTRAINT `customer_collaborators_customer_id_customers_id_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `customer_collaborators` ADD CONSTRAINT `customer_collaborators_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `customer_collaborators` ADD CONSTRAINT `customer_collaborators_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `customer_group_chats` ADD CONSTRAINT `customer_group_chats_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `customer_group_chats` ADD CONSTRAINT `customer_group_chats_customer_id_customers_id_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `customer_group_chats` ADD CONSTRAINT `customer_group_chats_bound_by_users_id_fk` FOREIGN KEY (`bound_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `customers` ADD CONSTRAINT `customers_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `customers` ADD CONSTRAINT `customers_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `customers` ADD CONSTRAINT `customers_pool_id_pools_id_fk` FOREIGN KEY (`pool_id`) REFERENCES `pools`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `customers` ADD CONSTRAINT `customers_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `contacts` ADD CONSTRAINT `contacts_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `contacts` ADD CONSTRAINT `contacts_customer_id_customers_id_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `contacts` ADD CONSTRAINT `contacts_reports_to_id_contacts_id_fk` FOREIGN KEY (`reports_to_id`) REFERENCES `contacts`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `contacts` ADD CONSTRAINT `contacts_external_contact_id_external_contacts_id_fk` FOREIGN KEY (`external_contact_id`) REFERENCES `external_contacts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `contacts` ADD CONSTRAINT `contacts_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `leads` ADD CONSTRAINT `leads_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `leads` ADD CONSTRAINT `leads_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `leads` ADD CONSTRAINT `leads_pool_id_pools_id_fk` FOREIGN KEY (`pool_id`) REFERENCES `pools`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `leads` ADD CONSTRAINT `leads_external_contact_id_external_contacts_id_fk` FOREIGN KEY (`external_contact_id`) REFERENCES `external_contacts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `leads` ADD CONSTRAINT `leads_converted_customer_id_customers_id_fk` FOREIGN KEY (`converted_customer_id`) REFERENCES `customers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `leads` ADD CONSTRAINT `leads_converted_contact_id_contacts_id_fk` FOREIGN KEY (`converted_contact_id`) REFERENCES `contacts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `leads` ADD CONSTRAINT `leads_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `follow_up_contacts` ADD CONSTRAINT `follow_up_contacts_follow_up_id_follow_ups_id_fk` FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `follow_up_contacts` ADD CONSTRAINT `follow_up_contacts_contact_id_contacts_id_fk` FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD CONSTRAINT `follow_ups_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD CONSTRAINT `follow_ups_customer_id_customers_id_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD CONSTRAINT `follow_ups_contact_id_contacts_id_fk` FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD CONSTRAINT `follow_ups_lead_id_leads_id_fk` FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD CONSTRAINT `follow_ups_author_id_users_id_fk` FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `ownership_actions` ADD CONSTRAINT `ownership_actions_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `ownership_actions` ADD CONSTRAINT `ownership_actions_actor_id_users_id_fk` FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `ownership_actions` ADD CONSTRAINT `ownership_actions_from_user_id_users_id_fk` FOREIGN KEY (`from_user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `ownership_actions` ADD CONSTRAINT `ownership_actions_to_user_id_users_id_fk` FOREIGN KEY (`to_user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `ownership_actions` ADD CONSTRAINT `ownership_actions_from_pool_id_pools_id_fk` FOREIGN KEY (`from_pool_id`) REFERENCES `pools`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `ownership_actions` ADD CONSTRAINT `ownership_actions_to_pool_id_pools_id_fk` FOREIGN KEY (`to_pool_id`) REFERENCES `pools`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `pool_members_user_idx` ON `pool_members` (`user_id`);--> statement-breakpoint
CREATE INDEX `pool_reclaim_reminders_owner_idx` ON `pool_reclaim_reminders` (`corp_id`,`owner_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `pools_corp_type_idx` ON `pools` (`corp_id`,`entity_type`);--> statement-breakpoint
CREATE INDEX `customer_collaborators_user_idx` ON `customer_collaborators` (`user_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `customer_group_chats_customer_idx` ON `customer_group_chats` (`customer_id`);--> statement-breakpoint
CREATE INDEX `customers_corp_owner_updated_idx` ON `customers` (`corp_id`,`owner_id`,`status`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `customers_corp_pool_owner_idx` ON `customers` (`corp_id`,`pool_id`,`owner_id`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `customers_corp_updated_idx` ON `customers` (`corp_id`,`status`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `customers_reclaim_idx` ON `customers` (`corp_id`,`pool_id`,`deal_status`,`locked`,`last_follow_up_at`);--> statement-breakpoint
CREATE INDEX `customers_corp_name_idx` ON `customers` (`corp_id`,`name`);--> statement-breakpoint
CREATE INDEX `contacts_corp_customer_idx` ON `contacts` (`corp_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `contacts_corp_mobile_idx` ON `contacts` (`corp_id`,`mobile`);--> statement-breakpoint
CREATE INDEX `contacts_corp_name_idx` ON `contacts` (`corp_id`,`name`);--> statement-breakpoint
CREATE INDEX `leads_corp_owner_updated_idx` ON `leads` (`corp_id`,`owner_id`,`status`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `leads_corp_pool_owner_idx` ON `leads` (`corp_id`,`pool_id`,`owner_id`,`status`,`last_follow_up_at`);--> statement-breakpoint
CREATE INDEX `leads_corp_mobile_idx` ON `leads` (`corp_id`,`mobile`);--> statement-breakpoint
CREATE INDEX `leads_corp_campaign_idx` ON `leads` (`corp_id`,`campaign_id`);--> statement-breakpoint
CREATE INDEX `follow_up_contacts_contact_idx` ON `follow_up_contacts` (`contact_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_customer_idx` ON `follow_ups` (`corp_id`,`customer_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `follow_ups_lead_idx` ON `follow_ups` (`corp_id`,`lead_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `follow_ups_contact_idx` ON `follow_ups` (`contact_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `follow_ups_opportunity_idx` ON `follow_ups` (`corp_id`,`opportunity_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `follow_ups_author_idx` ON `follow_ups` (`corp_id`,`author_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `follow_ups_remind_idx` ON `follow_ups` (`reminded_at`,`next_follow_up_at`);--> statement-breakpoint
CREATE INDEX `ownership_actions_entity_idx` ON `ownership_actions` (`corp_id`,`entity_type`,`entity_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `ownership_actions_actor_idx` ON `ownership_actions` (`corp_id`,`entity_type`,`actor_id`,`action`,`created_at`);--> statement-breakpoint
CREATE INDEX `ownership_actions_stats_idx` ON `ownership_actions` (`corp_id`,`entity_type`,`action`,`created_at`);
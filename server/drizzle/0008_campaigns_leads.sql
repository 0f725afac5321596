CREATE TABLE `campaign_costs` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`campaign_id` bigint unsigned NOT NULL,
	`vendor_id` bigint unsigned,
	`item` varchar(200) NOT NULL,
	`amount` bigint NOT NULL,
	`incurred_on` date,
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `campaign_costs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `campaign_payments` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`campaign_id` bigint unsigned NOT NULL,
	`vendor_id` bigint unsigned NOT NULL,
	`amount` bigint NOT NULL,
	`status` enum('pending','paid','cancelled') NOT NULL DEFAULT 'pending',
	`paid_on` date,
	`note` varchar(500),
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `campaign_payments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `campaign_vendors` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`campaign_id` bigint unsigned NOT NULL,
	`name` varchar(100) NOT NULL,
	`contact_name` varchar(50),
	`phone` varchar(30),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `campaign_vendors_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`name` varchar(100) NOT NULL,
	`type` enum('online_promotion','offline_event','content_marketing','exhibition','webinar','other') NOT NULL,
	`channel` varchar(50),
	`status` enum('planned','active','ended') NOT NULL DEFAULT 'planned',
	`start_date` date,
	`end_date` date,
	`owner_id` bigint unsigned,
	`budget` bigint NOT NULL DEFAULT 0,
	`currency` varchar(3) NOT NULL DEFAULT 'CNY',
	`pool_id` bigint unsigned,
	`public_key` varchar(32) NOT NULL,
	`web_form_enabled` boolean NOT NULL DEFAULT true,
	`description` text,
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `campaigns_id` PRIMARY KEY(`id`),
	CONSTRAINT `campaigns_public_key_uq` UNIQUE(`public_key`)
);
--> statement-breakpoint
CREATE TABLE `lead_conversions` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`lead_id` bigint unsigned NOT NULL,
	`mode` enum('new','merge') NOT NULL,
	`customer_id` bigint unsigned NOT NULL,
	`contact_id` bigint unsigned NOT NULL,
	`opportunity_id` bigint unsigned,
	`campaign_id` bigint unsigned,
	`source` varchar(50),
	`external_contact_id` bigint unsigned,
	`converted_by` bigint unsigned NOT NULL,
	`owner_id` bigint unsigned,
	`converted_at` datetime(3) NOT NULL,
	`lead_created_at` datetime(3) NOT NULL,
	`duration_seconds` int NOT NULL,
	`follow_up_count` int NOT NULL,
	`met_rules` boolean NOT NULL,
	`rule_failures` json NOT NULL,
	CONSTRAINT `lead_conversions_id` PRIMARY KEY(`id`),
	CONSTRAINT `lead_conversions_lead_uq` UNIQUE(`lead_id`)
);
--> statement-breakpoint
ALTER TABLE `campaign_costs` ADD CONSTRAINT `campaign_costs_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `campaign_costs` ADD CONSTRAINT `campaign_costs_campaign_id_campaigns_id_fk` FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `campaign_costs` ADD CONSTRAINT `campaign_costs_vendor_id_campaign_vendors_id_fk` FOREIGN KEY (`vendor_id`) REFERENCES `campaign_vendors`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `campaign_costs` ADD CONSTRAINT `campaign_costs_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `campaign_payments` ADD CONSTRAINT `campaign_payments_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `campaign_payments` ADD CONSTRAINT `campaign_payments_campaign_id_campaigns_id_fk` FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `campaign_payments` ADD CONSTRAINT `campaign_payments_vendor_id_campaign_vendors_id_fk` FOREIGN KEY (`vendor_id`) REFERENCES `campaign_vendors`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `campaign_payments` ADD CONSTRAINT `campaign_payments_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `campaign_vendors` ADD CONSTRAINT `campaign_vendors_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `campaign_vendors` ADD CONSTRAINT `campaign_vendors_campaign_id_campaigns_id_fk` FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `campaigns` ADD CONSTRAINT `campaigns_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `campaigns` ADD CONSTRAINT `campaigns_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `campaigns` ADD CONSTRAINT `campaigns_pool_id_pools_id_fk` FOREIGN KEY (`pool_id`) REFERENCES `pools`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `campaigns` ADD CONSTRAINT `campaigns_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lead_conversions` ADD CONSTRAINT `lead_conversions_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lead_conversions` ADD CONSTRAINT `lead_conversions_lead_id_leads_id_fk` FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lead_conversions` ADD CONSTRAINT `lead_conversions_customer_id_customers_id_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lead_conversions` ADD CONSTRAINT `lead_conversions_contact_id_contacts_id_fk` FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lead_conversions` ADD CONSTRAINT `lead_conversions_campaign_id_campaigns_id_fk` FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lead_conversions` ADD CONSTRAINT `lead_conversions_external_contact_id_external_contacts_id_fk` FOREIGN KEY (`external_contact_id`) REFERENCES `external_contacts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lead_conversions` ADD CONSTRAINT `lead_conversions_converted_by_users_id_fk` FOREIGN KEY (`converted_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lead_conversions` ADD CONSTRAINT `lead_conversions_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `campaign_costs_campaign_idx` ON `campaign_costs` (`campaign_id`,`vendor_id`);--> statement-breakpoint
CREATE INDEX `campaign_payments_campaign_idx` ON `campaign_payments` (`campaign_id`,`vendor_id`,`status`);--> statement-breakpoint
CREATE INDEX `campaign_vendors_campaign_idx` ON `campaign_vendors` (`campaign_id`);--> statement-breakpoint
CREATE INDEX `campaigns_corp_updated_idx` ON `campaigns` (`corp_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `lead_conversions_by_user_idx` ON `lead_conversions` (`corp_id`,`converted_by`,`converted_at`);--> statement-breakpoint
CREATE INDEX `lead_conversions_campaign_idx` ON `lead_conversions` (`corp_id`,`campaign_id`,`converted_at`);--> statement-breakpoint
CREATE INDEX `lead_conversions_at_idx` ON `lead_conversions` (`corp_id`,`converted_at`);--> statement-breakpoint
ALTER TABLE `leads` ADD CONSTRAINT `leads_campaign_id_campaigns_id_fk` FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON DELETE no action ON UPDATE no action;
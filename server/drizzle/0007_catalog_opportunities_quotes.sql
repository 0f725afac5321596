CREATE TABLE `price_list_items` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`price_list_id` bigint unsigned NOT NULL,
	`sku_id` bigint unsigned NOT NULL,
	`price` bigint NOT NULL,
	`min_quantity_milli` bigint NOT NULL DEFAULT 1000,
	CONSTRAINT `price_list_items_id` PRIMARY KEY(`id`),
	CONSTRAINT `price_list_items_list_sku_tier_uq` UNIQUE(`price_list_id`,`sku_id`,`min_quantity_milli`)
);
--> statement-breakpoint
CREATE TABLE `price_lists` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`name` varchar(100) NOT NULL,
	`currency` enum('CNY','USD','EUR','HKD') NOT NULL DEFAULT 'CNY',
	`is_default` boolean NOT NULL DEFAULT false,
	`customer_grade` varchar(20),
	`region` varchar(50),
	`valid_from` date,
	`valid_to` date,
	`priority` int NOT NULL DEFAULT 0,
	`status` enum('active','inactive') NOT NULL DEFAULT 'active',
	`external_code` varchar(64),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `price_lists_id` PRIMARY KEY(`id`),
	CONSTRAINT `price_lists_corp_ext_uq` UNIQUE(`corp_id`,`external_code`)
);
--> statement-breakpoint
CREATE TABLE `product_categories` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`parent_id` bigint unsigned,
	`name` varchar(100) NOT NULL,
	`code` varchar(64),
	`external_code` varchar(64),
	`sort_order` int NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `product_categories_id` PRIMARY KEY(`id`),
	CONSTRAINT `product_categories_corp_ext_uq` UNIQUE(`corp_id`,`external_code`)
);
--> statement-breakpoint
CREATE TABLE `product_skus` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`product_id` bigint unsigned NOT NULL,
	`code` varchar(64) NOT NULL,
	`name` varchar(100) NOT NULL,
	`specs` json NOT NULL,
	`unit` varchar(20),
	`status` enum('active','inactive') NOT NULL DEFAULT 'active',
	`external_code` varchar(64),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `product_skus_id` PRIMARY KEY(`id`),
	CONSTRAINT `product_skus_corp_code_uq` UNIQUE(`corp_id`,`code`),
	CONSTRAINT `product_skus_corp_ext_uq` UNIQUE(`corp_id`,`external_code`)
);
--> statement-breakpoint
CREATE TABLE `products` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`category_id` bigint unsigned,
	`code` varchar(64) NOT NULL,
	`name` varchar(100) NOT NULL,
	`unit` varchar(20) NOT NULL,
	`tax_rate_bp` int NOT NULL DEFAULT 1300,
	`status` enum('active','inactive') NOT NULL DEFAULT 'active',
	`description` text,
	`external_code` varchar(64),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `products_id` PRIMARY KEY(`id`),
	CONSTRAINT `products_corp_code_uq` UNIQUE(`corp_id`,`code`),
	CONSTRAINT `products_corp_ext_uq` UNIQUE(`corp_id`,`external_code`)
);
--> statement-breakpoint
CREATE TABLE `opportunities` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`customer_id` bigint unsigned NOT NULL,
	`owner_id` bigint unsigned NOT NULL,
	`name` varchar(100) NOT NULL,
	`stage_set_id` bigint unsigned NOT NULL,
	`stage_id` bigint unsigned NOT NULL,
	`status` enum('open','won','lost') NOT NULL DEFAULT 'open',
	`win_rate` tinyint NOT NULL,
	`amount` bigint NOT NULL DEFAULT 0,
	`currency` enum('CNY','USD','EUR','HKD') NOT NULL DEFAULT 'CNY',
	`amount_manual` boolean NOT NULL DEFAULT false,
	`expected_close_date` date,
	`business_line` varchar(50),
	`source` varchar(50),
	`need` text,
	`pain_points` text,
	`budget` bigint,
	`checklist` json NOT NULL,
	`winning_quote_id` bigint unsigned,
	`lost_reason` varchar(500),
	`competitor` varchar(100),
	`stage_entered_at` datetime(3) NOT NULL,
	`closed_at` datetime(3),
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `opportunities_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `opportunity_contacts` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`opportunity_id` bigint unsigned NOT NULL,
	`contact_id` bigint unsigned NOT NULL,
	`role` enum('decision_maker','influencer','user','technical','procurement','finance','other') NOT NULL,
	`attitude` enum('support','neutral','oppose') NOT NULL DEFAULT 'neutral',
	`influence` tinyint NOT NULL DEFAULT 3,
	`reports_to_id` bigint unsigned,
	`note` varchar(500),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `opportunity_contacts_id` PRIMARY KEY(`id`),
	CONSTRAINT `opportunity_contacts_opp_contact_uq` UNIQUE(`opportunity_id`,`contact_id`)
);
--> statement-breakpoint
CREATE TABLE `opportunity_lines` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`opportunity_id` bigint unsigned NOT NULL,
	`sku_id` bigint unsigned NOT NULL,
	`product_name` varchar(100) NOT NULL,
	`sku_name` varchar(100) NOT NULL,
	`unit` varchar(20) NOT NULL,
	`price_list_id` bigint unsigned,
	`list_price` bigint NOT NULL,
	`quantity_milli` bigint NOT NULL,
	`discount_bp` int NOT NULL DEFAULT 0,
	`amount` bigint NOT NULL,
	`remark` varchar(200),
	`sort_order` int NOT NULL DEFAULT 0,
	CONSTRAINT `opportunity_lines_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `opportunity_stage_history` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`opportunity_id` bigint unsigned NOT NULL,
	`from_stage_id` bigint unsigned,
	`to_stage_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned,
	`entered_at` datetime(3) NOT NULL,
	`left_at` datetime(3),
	`duration_seconds` int,
	`note` varchar(500),
	CONSTRAINT `opportunity_stage_history_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `sales_support_requests` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`opportunity_id` bigint unsigned NOT NULL,
	`need` varchar(1000) NOT NULL,
	`provider_user_id` bigint unsigned,
	`due_date` date,
	`bid_required` boolean NOT NULL DEFAULT false,
	`status` enum('requested','in_progress','done','cancelled') NOT NULL DEFAULT 'requested',
	`result` varchar(2000),
	`requested_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `sales_support_requests_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `stage_sets` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`name` varchar(50) NOT NULL,
	`business_line` varchar(50) NOT NULL,
	`is_default` boolean NOT NULL DEFAULT false,
	`allow_rollback` boolean NOT NULL DEFAULT true,
	`allow_skip` boolean NOT NULL DEFAULT false,
	`allow_reopen` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `stage_sets_id` PRIMARY KEY(`id`),
	CONSTRAINT `stage_sets_corp_line_uq` UNIQUE(`corp_id`,`business_line`)
);
--> statement-breakpoint
CREATE TABLE `stages` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`stage_set_id` bigint unsigned NOT NULL,
	`stage_key` varchar(40) NOT NULL,
	`name` varchar(50) NOT NULL,
	`sort_order` int NOT NULL,
	`win_rate` tinyint NOT NULL,
	`kind` enum('open','won','lost') NOT NULL DEFAULT 'open',
	`requirements` json NOT NULL,
	`allowed_moves` json,
	CONSTRAINT `stages_id` PRIMARY KEY(`id`),
	CONSTRAINT `stages_set_key_uq` UNIQUE(`stage_set_id`,`stage_key`)
);
--> statement-breakpoint
CREATE TABLE `quote_lines` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`quote_id` bigint unsigned NOT NULL,
	`sku_id` bigint unsigned NOT NULL,
	`product_name` varchar(100) NOT NULL,
	`sku_name` varchar(100) NOT NULL,
	`unit` varchar(20) NOT NULL,
	`price_list_id` bigint unsigned,
	`list_price` bigint NOT NULL,
	`quantity_milli` bigint NOT NULL,
	`discount_bp` int NOT NULL DEFAULT 0,
	`amount` bigint NOT NULL,
	`remark` varchar(200),
	`sort_order` int NOT NULL DEFAULT 0,
	CONSTRAINT `quote_lines_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`opportunity_id` bigint unsigned NOT NULL,
	`version` int NOT NULL,
	`number` varchar(40) NOT NULL,
	`status` enum('draft','pending_approval','approved','rejected','accepted','superseded') NOT NULL DEFAULT 'draft',
	`valid_until` date NOT NULL,
	`amount` bigint NOT NULL,
	`list_amount` bigint NOT NULL,
	`currency` enum('CNY','USD','EUR','HKD') NOT NULL DEFAULT 'CNY',
	`max_discount_bp` int NOT NULL DEFAULT 0,
	`approval_id` bigint unsigned,
	`note` varchar(1000),
	`created_by` bigint unsigned,
	`accepted_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `quotes_id` PRIMARY KEY(`id`),
	CONSTRAINT `quotes_opp_version_uq` UNIQUE(`opportunity_id`,`version`)
);
--> statement-breakpoint
ALTER TABLE `price_list_items` ADD CONSTRAINT `price_list_items_price_list_id_price_lists_id_fk` FOREIGN KEY (`price_list_id`) REFERENCES `price_lists`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `price_list_items` ADD CONSTRAINT `price_list_items_sku_id_product_skus_id_fk` FOREIGN KEY (`sku_id`) REFERENCES `product_skus`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `price_lists` ADD CONSTRAINT `price_lists_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `product_categories` ADD CONSTRAINT `product_categories_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `product_categories` ADD CONSTRAINT `product_categories_parent_id_product_categories_id_fk` FOREIGN KEY (`parent_id`) REFERENCES `product_categories`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `product_skus` ADD CONSTRAINT `product_skus_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `product_skus` ADD CONSTRAINT `product_skus_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `products` ADD CONSTRAINT `products_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `products` ADD CONSTRAINT `products_category_id_product_categories_id_fk` FOREIGN KEY (`category_id`) REFERENCES `product_categories`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunities` ADD CONSTRAINT `opportunities_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunities` ADD CONSTRAINT `opportunities_customer_id_customers_id_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunities` ADD CONSTRAINT `opportunities_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunities` ADD CONSTRAINT `opportunities_stage_set_id_stage_sets_id_fk` FOREIGN KEY (`stage_set_id`) REFERENCES `stage_sets`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunities` ADD CONSTRAINT `opportunities_stage_id_stages_id_fk` FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunities` ADD CONSTRAINT `opportunities_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunity_contacts` ADD CONSTRAINT `opportunity_contacts_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunity_contacts` ADD CONSTRAINT `opportunity_contacts_opportunity_id_opportunities_id_fk` FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunity_contacts` ADD CONSTRAINT `opportunity_contacts_contact_id_contacts_id_fk` FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunity_contacts` ADD CONSTRAINT `opportunity_contacts_reports_to_id_opportunity_contacts_id_fk` FOREIGN KEY (`reports_to_id`) REFERENCES `opportunity_contacts`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunity_lines` ADD CONSTRAINT `opportunity_lines_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunity_lines` ADD CONSTRAINT `opportunity_lines_opportunity_id_opportunities_id_fk` FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunity_lines` ADD CONSTRAINT `opportunity_lines_sku_id_product_skus_id_fk` FOREIGN KEY (`sku_id`) REFERENCES `product_skus`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunity_lines` ADD CONSTRAINT `opportunity_lines_price_list_id_price_lists_id_fk` FOREIGN KEY (`price_list_id`) REFERENCES `price_lists`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunity_stage_history` ADD CONSTRAINT `opportunity_stage_history_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunity_stage_history` ADD CONSTRAINT `opportunity_stage_history_opportunity_id_opportunities_id_fk` FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunity_stage_history` ADD CONSTRAINT `opportunity_stage_history_from_stage_id_stages_id_fk` FOREIGN KEY (`from_stage_id`) REFERENCES `stages`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunity_stage_history` ADD CONSTRAINT `opportunity_stage_history_to_stage_id_stages_id_fk` FOREIGN KEY (`to_stage_id`) REFERENCES `stages`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `opportunity_stage_history` ADD CONSTRAINT `opportunity_stage_history_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_support_requests` ADD CONSTRAINT `sales_support_requests_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_support_requests` ADD CONSTRAINT `sales_support_requests_opportunity_id_opportunities_id_fk` FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_support_requests` ADD CONSTRAINT `sales_support_requests_provider_user_id_users_id_fk` FOREIGN KEY (`provider_user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_support_requests` ADD CONSTRAINT `sales_support_requests_requested_by_users_id_fk` FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `stage_sets` ADD CONSTRAINT `stage_sets_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `stages` ADD CONSTRAINT `stages_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `stages` ADD CONSTRAINT `stages_stage_set_id_stage_sets_id_fk` FOREIGN KEY (`stage_set_id`) REFERENCES `stage_sets`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `quote_lines` ADD CONSTRAINT `quote_lines_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `quote_lines` ADD CONSTRAINT `quote_lines_quote_id_quotes_id_fk` FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `quote_lines` ADD CONSTRAINT `quote_lines_sku_id_product_skus_id_fk` FOREIGN KEY (`sku_id`) REFERENCES `product_skus`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `quote_lines` ADD CONSTRAINT `quote_lines_price_list_id_price_lists_id_fk` FOREIGN KEY (`price_list_id`) REFERENCES `price_lists`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `quotes` ADD CONSTRAINT `quotes_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `quotes` ADD CONSTRAINT `quotes_opportunity_id_opportunities_id_fk` FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `quotes` ADD CONSTRAINT `quotes_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `price_list_items_sku_idx` ON `price_list_items` (`sku_id`);--> statement-breakpoint
CREATE INDEX `price_lists_corp_status_idx` ON `price_lists` (`corp_id`,`status`);--> statement-breakpoint
CREATE INDEX `product_categories_corp_parent_idx` ON `product_categories` (`corp_id`,`parent_id`);--> statement-breakpoint
CREATE INDEX `product_skus_product_idx` ON `product_skus` (`product_id`);--> statement-breakpoint
CREATE INDEX `products_corp_cat_idx` ON `products` (`corp_id`,`category_id`,`status`);--> statement-breakpoint
CREATE INDEX `opportunities_pipeline_idx` ON `opportunities` (`corp_id`,`status`,`owner_id`,`expected_close_date`,`stage_id`,`win_rate`,`amount`);--> statement-breakpoint
CREATE INDEX `opportunities_corp_owner_updated_idx` ON `opportunities` (`corp_id`,`owner_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `opportunities_corp_updated_idx` ON `opportunities` (`corp_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `opportunities_corp_customer_idx` ON `opportunities` (`corp_id`,`customer_id`,`status`);--> statement-breakpoint
CREATE INDEX `opportunity_lines_opp_idx` ON `opportunity_lines` (`opportunity_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `opportunity_stage_history_opp_idx` ON `opportunity_stage_history` (`opportunity_id`,`entered_at`);--> statement-breakpoint
CREATE INDEX `sales_support_opp_idx` ON `sales_support_requests` (`opportunity_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `sales_support_provider_idx` ON `sales_support_requests` (`corp_id`,`provider_user_id`,`status`);--> statement-breakpoint
CREATE INDEX `quote_lines_quote_idx` ON `quote_lines` (`quote_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `quotes_corp_number_idx` ON `quotes` (`corp_id`,`number`);
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
CREATE TABLE `external_contact_follows` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`external_contact_id` bigint unsigned NOT NULL,
	`wecom_user_id` varchar(64) NOT NULL,
	`user_id` bigint unsigned,
	`remark` varchar(100),
	`description` varchar(500),
	`tags` json,
	`remark_mobiles` json,
	`add_way` int,
	`state` varchar(64),
	`followed_at` datetime(3),
	`status` enum('active','ended') NOT NULL DEFAULT 'active',
	`ended_at` datetime(3),
	`end_reason` enum('employee_deleted','customer_deleted','transferred'),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `external_contact_follows_id` PRIMARY KEY(`id`),
	CONSTRAINT `external_contact_follows_uq` UNIQUE(`external_contact_id`,`wecom_user_id`)
);
--> statement-breakpoint
CREATE TABLE `external_contacts` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`external_userid` varchar(64) NOT NULL,
	`name` varchar(100) NOT NULL,
	`type` tinyint NOT NULL DEFAULT 1,
	`corp_name` varchar(200),
	`corp_full_name` varchar(200),
	`position` varchar(100),
	`avatar` varchar(500),
	`gender` tinyint NOT NULL DEFAULT 0,
	`unionid` varchar(64),
	`raw` json,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `external_contacts_id` PRIMARY KEY(`id`),
	CONSTRAINT `external_contacts_corp_ext_uq` UNIQUE(`corp_id`,`external_userid`)
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
	`opportunity_id` bigint unsigned,
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
CREATE TABLE `lead_touches` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`lead_id` bigint unsigned NOT NULL,
	`campaign_id` bigint unsigned NOT NULL,
	`name` varchar(100) NOT NULL,
	`company` varchar(200),
	`need` text,
	`source` varchar(50),
	`occurred_at` datetime(3) NOT NULL,
	CONSTRAINT `lead_touches_id` PRIMARY KEY(`id`)
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
CREATE TABLE `visit_contacts` (
	`visit_id` bigint unsigned NOT NULL,
	`contact_id` bigint unsigned NOT NULL,
	CONSTRAINT `visit_contacts_visit_id_contact_id_pk` PRIMARY KEY(`visit_id`,`contact_id`)
);
--> statement-breakpoint
CREATE TABLE `visits` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`customer_id` bigint unsigned NOT NULL,
	`assignee_id` bigint unsigned NOT NULL,
	`created_by` bigint unsigned NOT NULL,
	`purpose` varchar(500) NOT NULL,
	`planned_start` datetime(3) NOT NULL,
	`planned_end` datetime(3) NOT NULL,
	`status` enum('planned','in_progress','done','cancelled') NOT NULL DEFAULT 'planned',
	`reminded_at` datetime(3),
	`check_in_at` datetime(3),
	`check_in_lat` decimal(10,7),
	`check_in_lng` decimal(10,7),
	`check_in_accuracy` int,
	`check_in_distance` int,
	`check_in_photo_id` bigint unsigned,
	`check_in_flags` json,
	`check_out_at` datetime(3),
	`check_out_lat` decimal(10,7),
	`check_out_lng` decimal(10,7),
	`check_out_accuracy` int,
	`check_out_distance` int,
	`check_out_flags` json,
	`duration_seconds` int,
	`summary` text,
	`outcome` enum('advanced','maintained','stalled','lost'),
	`next_steps` varchar(500),
	`next_follow_up_at` datetime(3),
	`recorded_at` datetime(3),
	`follow_up_id` bigint unsigned,
	`reviewer_id` bigint unsigned,
	`rating` tinyint,
	`review_comment` varchar(1000),
	`reviewed_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `visits_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `contract_lines` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`contract_id` bigint unsigned NOT NULL,
	`line_no` int NOT NULL,
	`product_id` bigint unsigned,
	`sku_id` bigint unsigned,
	`category_id` bigint unsigned,
	`name` varchar(100) NOT NULL,
	`quantity_milli` bigint NOT NULL,
	`unit_price` bigint NOT NULL,
	`discount` bigint NOT NULL DEFAULT 0,
	`amount` bigint NOT NULL,
	`tax_rate_bp` int NOT NULL DEFAULT 1300,
	CONSTRAINT `contract_lines_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`number` varchar(32) NOT NULL,
	`title` varchar(100) NOT NULL,
	`customer_id` bigint unsigned NOT NULL,
	`opportunity_id` bigint unsigned,
	`quote_id` bigint unsigned,
	`owner_id` bigint unsigned NOT NULL,
	`department_id` bigint unsigned,
	`status` enum('draft','pending','effective','rejected','terminated') NOT NULL DEFAULT 'draft',
	`signed_on` date NOT NULL,
	`start_on` date,
	`end_on` date,
	`amount` bigint NOT NULL,
	`currency` varchar(3) NOT NULL DEFAULT 'CNY',
	`received_amount` bigint NOT NULL DEFAULT 0,
	`refunded_amount` bigint NOT NULL DEFAULT 0,
	`invoiced_amount` bigint NOT NULL DEFAULT 0,
	`shipped_amount` bigint NOT NULL DEFAULT 0,
	`version` int NOT NULL DEFAULT 1,
	`origin` enum('crm','erp') NOT NULL DEFAULT 'crm',
	`external_code` varchar(64),
	`remark` text,
	`effective_at` datetime(3),
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `contracts_id` PRIMARY KEY(`id`),
	CONSTRAINT `contracts_corp_number_uq` UNIQUE(`corp_id`,`number`),
	CONSTRAINT `contracts_corp_ext_uq` UNIQUE(`corp_id`,`external_code`)
);
--> statement-breakpoint
CREATE TABLE `doc_changes` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`number` varchar(32) NOT NULL,
	`kind` enum('contract','order','plan') NOT NULL,
	`contract_id` bigint unsigned,
	`order_id` bigint unsigned,
	`status` enum('pending','approved','rejected') NOT NULL DEFAULT 'pending',
	`reason` varchar(500) NOT NULL,
	`before` json NOT NULL,
	`after` json NOT NULL,
	`request` json NOT NULL,
	`created_by` bigint unsigned,
	`decided_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `doc_changes_id` PRIMARY KEY(`id`),
	CONSTRAINT `doc_changes_corp_number_uq` UNIQUE(`corp_id`,`number`)
);
--> statement-breakpoint
CREATE TABLE `doc_sequences` (
	`corp_id` bigint unsigned NOT NULL,
	`doc_type` varchar(24) NOT NULL,
	`year` int NOT NULL,
	`last_value` bigint unsigned NOT NULL,
	CONSTRAINT `doc_sequences_corp_id_doc_type_year_pk` PRIMARY KEY(`corp_id`,`doc_type`,`year`)
);
--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`line_no` int NOT NULL,
	`product_id` bigint unsigned,
	`sku_id` bigint unsigned,
	`category_id` bigint unsigned,
	`name` varchar(100) NOT NULL,
	`quantity_milli` bigint NOT NULL,
	`unit_price` bigint NOT NULL,
	`discount` bigint NOT NULL DEFAULT 0,
	`amount` bigint NOT NULL,
	`tax_rate_bp` int NOT NULL DEFAULT 1300,
	`shipped_milli` bigint NOT NULL DEFAULT 0,
	CONSTRAINT `order_lines_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `orders` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`number` varchar(32) NOT NULL,
	`contract_id` bigint unsigned,
	`customer_id` bigint unsigned NOT NULL,
	`owner_id` bigint unsigned NOT NULL,
	`status` enum('open','closed','cancelled') NOT NULL DEFAULT 'open',
	`ordered_on` date NOT NULL,
	`amount` bigint NOT NULL,
	`shipped_amount` bigint NOT NULL DEFAULT 0,
	`invoiced_amount` bigint NOT NULL DEFAULT 0,
	`currency` varchar(3) NOT NULL DEFAULT 'CNY',
	`remark` text,
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `orders_id` PRIMARY KEY(`id`),
	CONSTRAINT `orders_corp_number_uq` UNIQUE(`corp_id`,`number`)
);
--> statement-breakpoint
CREATE TABLE `payment_instalments` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`contract_id` bigint unsigned NOT NULL,
	`period` int NOT NULL,
	`due_on` date NOT NULL,
	`amount` bigint NOT NULL,
	`received_amount` bigint NOT NULL DEFAULT 0,
	`status` enum('pending','partial','done','overdue') NOT NULL DEFAULT 'pending',
	`reminded_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `payment_instalments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `receipt_allocations` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`receipt_id` bigint unsigned NOT NULL,
	`refund_id` bigint unsigned,
	`instalment_id` bigint unsigned NOT NULL,
	`amount` bigint NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `receipt_allocations_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `receipts` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`number` varchar(32) NOT NULL,
	`contract_id` bigint unsigned NOT NULL,
	`customer_id` bigint unsigned NOT NULL,
	`owner_id` bigint unsigned NOT NULL,
	`amount` bigint NOT NULL,
	`refunded_amount` bigint NOT NULL DEFAULT 0,
	`received_on` date NOT NULL,
	`method` varchar(32) NOT NULL DEFAULT 'bank_transfer',
	`origin` enum('crm','erp') NOT NULL DEFAULT 'crm',
	`external_code` varchar(64),
	`remark` text,
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `receipts_id` PRIMARY KEY(`id`),
	CONSTRAINT `receipts_corp_number_uq` UNIQUE(`corp_id`,`number`),
	CONSTRAINT `receipts_corp_ext_uq` UNIQUE(`corp_id`,`external_code`)
);
--> statement-breakpoint
CREATE TABLE `receivable_changes` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`number` varchar(32) NOT NULL,
	`receivable_id` bigint unsigned NOT NULL,
	`delta` bigint NOT NULL,
	`reason` varchar(500) NOT NULL,
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `receivable_changes_id` PRIMARY KEY(`id`),
	CONSTRAINT `receivable_changes_corp_number_uq` UNIQUE(`corp_id`,`number`)
);
--> statement-breakpoint
CREATE TABLE `receivables` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`number` varchar(32) NOT NULL,
	`customer_id` bigint unsigned NOT NULL,
	`contract_id` bigint unsigned,
	`order_id` bigint unsigned,
	`owner_id` bigint unsigned NOT NULL,
	`source_type` enum('shipment','manual','erp') NOT NULL,
	`source_id` bigint unsigned,
	`amount` bigint NOT NULL,
	`adjusted_amount` bigint NOT NULL DEFAULT 0,
	`received_amount` bigint NOT NULL DEFAULT 0,
	`due_on` date NOT NULL,
	`status` enum('open','settled') NOT NULL DEFAULT 'open',
	`origin` enum('crm','erp') NOT NULL DEFAULT 'crm',
	`external_code` varchar(64),
	`remark` text,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `receivables_id` PRIMARY KEY(`id`),
	CONSTRAINT `receivables_corp_number_uq` UNIQUE(`corp_id`,`number`),
	CONSTRAINT `receivables_corp_ext_uq` UNIQUE(`corp_id`,`external_code`)
);
--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`number` varchar(32) NOT NULL,
	`receipt_id` bigint unsigned NOT NULL,
	`contract_id` bigint unsigned NOT NULL,
	`owner_id` bigint unsigned NOT NULL,
	`amount` bigint NOT NULL,
	`refunded_on` date NOT NULL,
	`reason` varchar(500) NOT NULL,
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `refunds_id` PRIMARY KEY(`id`),
	CONSTRAINT `refunds_corp_number_uq` UNIQUE(`corp_id`,`number`)
);
--> statement-breakpoint
CREATE TABLE `assets` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`customer_id` bigint unsigned NOT NULL,
	`owner_id` bigint unsigned NOT NULL,
	`product_id` bigint unsigned,
	`sku_id` bigint unsigned,
	`name` varchar(100) NOT NULL,
	`serial_no` varchar(64),
	`quantity_milli` bigint NOT NULL,
	`shipment_line_id` bigint unsigned,
	`contract_id` bigint unsigned,
	`delivered_on` date NOT NULL,
	`warranty_end_on` date,
	`status` enum('in_service','returned','scrapped') NOT NULL DEFAULT 'in_service',
	`location` varchar(200),
	`remark` text,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `assets_id` PRIMARY KEY(`id`),
	CONSTRAINT `assets_corp_serial_uq` UNIQUE(`corp_id`,`serial_no`)
);
--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`invoice_id` bigint unsigned NOT NULL,
	`name` varchar(100) NOT NULL,
	`amount` bigint NOT NULL,
	`tax_rate_bp` int NOT NULL,
	`tax_amount` bigint NOT NULL,
	CONSTRAINT `invoice_lines_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`number` varchar(32) NOT NULL,
	`kind` enum('blue','red') NOT NULL DEFAULT 'blue',
	`original_id` bigint unsigned,
	`contract_id` bigint unsigned,
	`order_id` bigint unsigned,
	`customer_id` bigint unsigned NOT NULL,
	`owner_id` bigint unsigned NOT NULL,
	`invoice_type` enum('vat_special','vat_normal','electronic','other') NOT NULL DEFAULT 'vat_special',
	`invoice_no` varchar(64),
	`title` varchar(200) NOT NULL,
	`tax_no` varchar(64),
	`issued_on` date NOT NULL,
	`amount` bigint NOT NULL,
	`tax_amount` bigint NOT NULL,
	`red_amount` bigint NOT NULL DEFAULT 0,
	`reason` varchar(500),
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `invoices_id` PRIMARY KEY(`id`),
	CONSTRAINT `invoices_corp_number_uq` UNIQUE(`corp_id`,`number`)
);
--> statement-breakpoint
CREATE TABLE `sales_return_lines` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`return_id` bigint unsigned NOT NULL,
	`shipment_line_id` bigint unsigned NOT NULL,
	`quantity_milli` bigint NOT NULL,
	`amount` bigint NOT NULL,
	CONSTRAINT `sales_return_lines_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `sales_returns` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`number` varchar(32) NOT NULL,
	`shipment_id` bigint unsigned NOT NULL,
	`returned_on` date NOT NULL,
	`reason` varchar(500) NOT NULL,
	`amount` bigint NOT NULL,
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `sales_returns_id` PRIMARY KEY(`id`),
	CONSTRAINT `sales_returns_corp_number_uq` UNIQUE(`corp_id`,`number`)
);
--> statement-breakpoint
CREATE TABLE `shipment_lines` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`shipment_id` bigint unsigned NOT NULL,
	`order_line_id` bigint unsigned NOT NULL,
	`quantity_milli` bigint NOT NULL,
	`returned_milli` bigint NOT NULL DEFAULT 0,
	`amount` bigint NOT NULL,
	CONSTRAINT `shipment_lines_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`number` varchar(32) NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`contract_id` bigint unsigned,
	`customer_id` bigint unsigned NOT NULL,
	`owner_id` bigint unsigned NOT NULL,
	`shipped_on` date NOT NULL,
	`carrier` varchar(100),
	`tracking_no` varchar(100),
	`amount` bigint NOT NULL,
	`returned_amount` bigint NOT NULL DEFAULT 0,
	`origin` enum('crm','erp') NOT NULL DEFAULT 'crm',
	`external_code` varchar(64),
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `shipments_id` PRIMARY KEY(`id`),
	CONSTRAINT `shipments_corp_number_uq` UNIQUE(`corp_id`,`number`),
	CONSTRAINT `shipments_corp_ext_uq` UNIQUE(`corp_id`,`external_code`)
);
--> statement-breakpoint
CREATE TABLE `commission_rates` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`category_id` bigint unsigned,
	`category_key` int unsigned NOT NULL,
	`rate_bp` int NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `commission_rates_id` PRIMARY KEY(`id`),
	CONSTRAINT `commission_rates_category_uq` UNIQUE(`corp_id`,`category_key`)
);
--> statement-breakpoint
CREATE TABLE `erp_links` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`entity_type` varchar(24) NOT NULL,
	`external_code` varchar(64) NOT NULL,
	`entity_id` bigint unsigned NOT NULL,
	`payload_hash` varchar(64) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `erp_links_id` PRIMARY KEY(`id`),
	CONSTRAINT `erp_links_code_uq` UNIQUE(`corp_id`,`entity_type`,`external_code`)
);
--> statement-breakpoint
CREATE TABLE `sales_targets` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`corp_id` bigint unsigned NOT NULL,
	`month` varchar(7) NOT NULL,
	`user_id` bigint unsigned,
	`department_id` bigint unsigned,
	`subject_key` varchar(24) NOT NULL,
	`booked` bigint NOT NULL DEFAULT 0,
	`received` bigint NOT NULL DEFAULT 0,
	`invoiced` bigint NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `sales_targets_id` PRIMARY KEY(`id`),
	CONSTRAINT `sales_targets_subject_uq` UNIQUE(`corp_id`,`subject_key`,`month`)
);
--> statement-breakpoint
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
	`allowed_origins` json,
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
ALTER TABLE `external_contact_events` ADD CONSTRAINT `external_contact_events_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `external_contact_events` ADD CONSTRAINT `external_contact_events_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `external_contact_events` ADD CONSTRAINT `ext_contact_events_contact_fk` FOREIGN KEY (`external_contact_id`) REFERENCES `external_contacts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `external_contact_follows` ADD CONSTRAINT `external_contact_follows_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `external_contact_follows` ADD CONSTRAINT `external_contact_follows_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `external_contact_follows` ADD CONSTRAINT `ext_contact_follows_contact_fk` FOREIGN KEY (`external_contact_id`) REFERENCES `external_contacts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `external_contacts` ADD CONSTRAINT `external_contacts_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `wecom_group_chats` ADD CONSTRAINT `wecom_group_chats_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `wecom_group_chats` ADD CONSTRAINT `wecom_group_chats_owner_user_id_users_id_fk` FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `wecom_outbox` ADD CONSTRAINT `wecom_outbox_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `wecom_transfers` ADD CONSTRAINT `wecom_transfers_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `wecom_transfers` ADD CONSTRAINT `wecom_transfers_requested_by_users_id_fk` FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `price_list_items` ADD CONSTRAINT `price_list_items_price_list_id_price_lists_id_fk` FOREIGN KEY (`price_list_id`) REFERENCES `price_lists`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `price_list_items` ADD CONSTRAINT `price_list_items_sku_id_product_skus_id_fk` FOREIGN KEY (`sku_id`) REFERENCES `product_skus`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `price_lists` ADD CONSTRAINT `price_lists_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `product_categories` ADD CONSTRAINT `product_categories_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `product_categories` ADD CONSTRAINT `product_categories_parent_id_product_categories_id_fk` FOREIGN KEY (`parent_id`) REFERENCES `product_categories`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `product_skus` ADD CONSTRAINT `product_skus_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `product_skus` ADD CONSTRAINT `product_skus_product_id_products_id_fk` FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `products` ADD CONSTRAINT `products_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `products` ADD CONSTRAINT `products_category_id_product_categories_id_fk` FOREIGN KEY (`category_id`) REFERENCES `product_categories`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE `customer_group_chats` ADD CONSTRAINT `customer_group_chats_opportunity_id_opportunities_id_fk` FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE `lead_touches` ADD CONSTRAINT `lead_touches_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lead_touches` ADD CONSTRAINT `lead_touches_lead_id_leads_id_fk` FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lead_touches` ADD CONSTRAINT `lead_touches_campaign_id_campaigns_id_fk` FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `leads` ADD CONSTRAINT `leads_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `leads` ADD CONSTRAINT `leads_campaign_id_campaigns_id_fk` FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE `visit_contacts` ADD CONSTRAINT `visit_contacts_visit_id_visits_id_fk` FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `visit_contacts` ADD CONSTRAINT `visit_contacts_contact_id_contacts_id_fk` FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `visits` ADD CONSTRAINT `visits_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `visits` ADD CONSTRAINT `visits_customer_id_customers_id_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `visits` ADD CONSTRAINT `visits_assignee_id_users_id_fk` FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `visits` ADD CONSTRAINT `visits_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `visits` ADD CONSTRAINT `visits_check_in_photo_id_files_id_fk` FOREIGN KEY (`check_in_photo_id`) REFERENCES `files`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `visits` ADD CONSTRAINT `visits_follow_up_id_follow_ups_id_fk` FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `visits` ADD CONSTRAINT `visits_reviewer_id_users_id_fk` FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `contract_lines` ADD CONSTRAINT `contract_lines_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `contract_lines` ADD CONSTRAINT `contract_lines_contract_id_contracts_id_fk` FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `contracts` ADD CONSTRAINT `contracts_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `contracts` ADD CONSTRAINT `contracts_customer_id_customers_id_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `contracts` ADD CONSTRAINT `contracts_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `contracts` ADD CONSTRAINT `contracts_department_id_departments_id_fk` FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `contracts` ADD CONSTRAINT `contracts_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `doc_changes` ADD CONSTRAINT `doc_changes_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `doc_changes` ADD CONSTRAINT `doc_changes_contract_id_contracts_id_fk` FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `doc_changes` ADD CONSTRAINT `doc_changes_order_id_orders_id_fk` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `doc_changes` ADD CONSTRAINT `doc_changes_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `doc_sequences` ADD CONSTRAINT `doc_sequences_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `order_lines` ADD CONSTRAINT `order_lines_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `order_lines` ADD CONSTRAINT `order_lines_order_id_orders_id_fk` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `orders` ADD CONSTRAINT `orders_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `orders` ADD CONSTRAINT `orders_contract_id_contracts_id_fk` FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `orders` ADD CONSTRAINT `orders_customer_id_customers_id_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `orders` ADD CONSTRAINT `orders_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `orders` ADD CONSTRAINT `orders_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `payment_instalments` ADD CONSTRAINT `payment_instalments_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `payment_instalments` ADD CONSTRAINT `payment_instalments_contract_id_contracts_id_fk` FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receipt_allocations` ADD CONSTRAINT `receipt_allocations_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receipt_allocations` ADD CONSTRAINT `receipt_allocations_receipt_id_receipts_id_fk` FOREIGN KEY (`receipt_id`) REFERENCES `receipts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receipt_allocations` ADD CONSTRAINT `receipt_allocations_refund_id_refunds_id_fk` FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receipt_allocations` ADD CONSTRAINT `receipt_allocations_instalment_id_payment_instalments_id_fk` FOREIGN KEY (`instalment_id`) REFERENCES `payment_instalments`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receipts` ADD CONSTRAINT `receipts_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receipts` ADD CONSTRAINT `receipts_contract_id_contracts_id_fk` FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receipts` ADD CONSTRAINT `receipts_customer_id_customers_id_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receipts` ADD CONSTRAINT `receipts_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receipts` ADD CONSTRAINT `receipts_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receivable_changes` ADD CONSTRAINT `receivable_changes_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receivable_changes` ADD CONSTRAINT `receivable_changes_receivable_id_receivables_id_fk` FOREIGN KEY (`receivable_id`) REFERENCES `receivables`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receivable_changes` ADD CONSTRAINT `receivable_changes_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receivables` ADD CONSTRAINT `receivables_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receivables` ADD CONSTRAINT `receivables_customer_id_customers_id_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receivables` ADD CONSTRAINT `receivables_contract_id_contracts_id_fk` FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receivables` ADD CONSTRAINT `receivables_order_id_orders_id_fk` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `receivables` ADD CONSTRAINT `receivables_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_receipt_id_receipts_id_fk` FOREIGN KEY (`receipt_id`) REFERENCES `receipts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_contract_id_contracts_id_fk` FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `assets` ADD CONSTRAINT `assets_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `assets` ADD CONSTRAINT `assets_customer_id_customers_id_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `assets` ADD CONSTRAINT `assets_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `assets` ADD CONSTRAINT `assets_shipment_line_id_shipment_lines_id_fk` FOREIGN KEY (`shipment_line_id`) REFERENCES `shipment_lines`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `assets` ADD CONSTRAINT `assets_contract_id_contracts_id_fk` FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `invoice_lines` ADD CONSTRAINT `invoice_lines_invoice_id_invoices_id_fk` FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `invoices` ADD CONSTRAINT `invoices_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `invoices` ADD CONSTRAINT `invoices_original_id_invoices_id_fk` FOREIGN KEY (`original_id`) REFERENCES `invoices`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `invoices` ADD CONSTRAINT `invoices_contract_id_contracts_id_fk` FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `invoices` ADD CONSTRAINT `invoices_order_id_orders_id_fk` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `invoices` ADD CONSTRAINT `invoices_customer_id_customers_id_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `invoices` ADD CONSTRAINT `invoices_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `invoices` ADD CONSTRAINT `invoices_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_return_lines` ADD CONSTRAINT `sales_return_lines_return_id_sales_returns_id_fk` FOREIGN KEY (`return_id`) REFERENCES `sales_returns`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_return_lines` ADD CONSTRAINT `sales_return_lines_shipment_line_id_shipment_lines_id_fk` FOREIGN KEY (`shipment_line_id`) REFERENCES `shipment_lines`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_returns` ADD CONSTRAINT `sales_returns_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_returns` ADD CONSTRAINT `sales_returns_shipment_id_shipments_id_fk` FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_returns` ADD CONSTRAINT `sales_returns_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `shipment_lines` ADD CONSTRAINT `shipment_lines_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `shipment_lines` ADD CONSTRAINT `shipment_lines_shipment_id_shipments_id_fk` FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `shipment_lines` ADD CONSTRAINT `shipment_lines_order_line_id_order_lines_id_fk` FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `shipments` ADD CONSTRAINT `shipments_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `shipments` ADD CONSTRAINT `shipments_order_id_orders_id_fk` FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `shipments` ADD CONSTRAINT `shipments_contract_id_contracts_id_fk` FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `shipments` ADD CONSTRAINT `shipments_customer_id_customers_id_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `shipments` ADD CONSTRAINT `shipments_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `shipments` ADD CONSTRAINT `shipments_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `commission_rates` ADD CONSTRAINT `commission_rates_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `erp_links` ADD CONSTRAINT `erp_links_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_targets` ADD CONSTRAINT `sales_targets_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_targets` ADD CONSTRAINT `sales_targets_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `sales_targets` ADD CONSTRAINT `sales_targets_department_id_departments_id_fk` FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX `departments_corp_path_idx` ON `departments` (`corp_id`,`path`);--> statement-breakpoint
CREATE INDEX `user_departments_dept_idx` ON `user_departments` (`department_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`corp_id`,`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_corp_time_idx` ON `audit_log` (`corp_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `external_contact_events_contact_idx` ON `external_contact_events` (`external_contact_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `external_contact_follows_user_idx` ON `external_contact_follows` (`corp_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `wecom_inbox_claim_idx` ON `wecom_inbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `wecom_inbox_order_idx` ON `wecom_inbox` (`order_key`,`id`);--> statement-breakpoint
CREATE INDEX `wecom_oauth_states_expires_idx` ON `wecom_oauth_states` (`expires_at`);--> statement-breakpoint
CREATE INDEX `wecom_outbox_claim_idx` ON `wecom_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `wecom_outbox_task_idx` ON `wecom_outbox` (`corp_id`,`task_id`);--> statement-breakpoint
CREATE INDEX `wecom_transfers_ext_idx` ON `wecom_transfers` (`corp_id`,`external_userid`,`created_at`);--> statement-breakpoint
CREATE INDEX `price_list_items_sku_idx` ON `price_list_items` (`sku_id`);--> statement-breakpoint
CREATE INDEX `price_lists_corp_status_idx` ON `price_lists` (`corp_id`,`status`);--> statement-breakpoint
CREATE INDEX `product_categories_corp_parent_idx` ON `product_categories` (`corp_id`,`parent_id`);--> statement-breakpoint
CREATE INDEX `product_skus_product_idx` ON `product_skus` (`product_id`);--> statement-breakpoint
CREATE INDEX `products_corp_cat_idx` ON `products` (`corp_id`,`category_id`,`status`);--> statement-breakpoint
CREATE INDEX `pool_members_user_idx` ON `pool_members` (`user_id`);--> statement-breakpoint
CREATE INDEX `pool_reclaim_reminders_owner_idx` ON `pool_reclaim_reminders` (`corp_id`,`owner_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `pools_corp_type_idx` ON `pools` (`corp_id`,`entity_type`);--> statement-breakpoint
CREATE INDEX `customer_collaborators_user_idx` ON `customer_collaborators` (`user_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `customer_group_chats_customer_idx` ON `customer_group_chats` (`customer_id`);--> statement-breakpoint
CREATE INDEX `customer_group_chats_opportunity_idx` ON `customer_group_chats` (`opportunity_id`);--> statement-breakpoint
CREATE INDEX `customers_corp_owner_updated_idx` ON `customers` (`corp_id`,`owner_id`,`status`,`updated_at`,`id`,`pool_id`,`grade`,`name`);--> statement-breakpoint
CREATE INDEX `customers_corp_pool_owner_idx` ON `customers` (`corp_id`,`pool_id`,`owner_id`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `customers_corp_updated_idx` ON `customers` (`corp_id`,`status`,`updated_at`,`id`,`owner_id`,`pool_id`,`grade`,`name`);--> statement-breakpoint
CREATE INDEX `customers_reclaim_idx` ON `customers` (`corp_id`,`pool_id`,`deal_status`,`locked`,`last_follow_up_at`);--> statement-breakpoint
CREATE INDEX `customers_corp_name_idx` ON `customers` (`corp_id`,`name`);--> statement-breakpoint
CREATE INDEX `contacts_corp_customer_idx` ON `contacts` (`corp_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `contacts_corp_mobile_idx` ON `contacts` (`corp_id`,`mobile`);--> statement-breakpoint
CREATE INDEX `contacts_corp_name_idx` ON `contacts` (`corp_id`,`name`);--> statement-breakpoint
CREATE INDEX `lead_touches_lead_idx` ON `lead_touches` (`corp_id`,`lead_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `lead_touches_campaign_idx` ON `lead_touches` (`campaign_id`,`occurred_at`);--> statement-breakpoint
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
CREATE INDEX `ownership_actions_stats_idx` ON `ownership_actions` (`corp_id`,`entity_type`,`action`,`created_at`);--> statement-breakpoint
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
CREATE INDEX `work_reports_user_idx` ON `work_reports` (`corp_id`,`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `opportunities_pipeline_idx` ON `opportunities` (`corp_id`,`status`,`owner_id`,`expected_close_date`,`stage_id`,`win_rate`,`amount`);--> statement-breakpoint
CREATE INDEX `opportunities_funnel_idx` ON `opportunities` (`corp_id`,`stage_set_id`,`stage_id`,`owner_id`,`expected_close_date`,`amount`,`win_rate`);--> statement-breakpoint
CREATE INDEX `opportunities_forecast_date_idx` ON `opportunities` (`corp_id`,`status`,`expected_close_date`,`owner_id`,`win_rate`,`amount`);--> statement-breakpoint
CREATE INDEX `opportunities_corp_owner_updated_idx` ON `opportunities` (`corp_id`,`owner_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `opportunities_corp_updated_idx` ON `opportunities` (`corp_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `opportunities_corp_customer_idx` ON `opportunities` (`corp_id`,`customer_id`,`status`);--> statement-breakpoint
CREATE INDEX `opportunity_lines_opp_idx` ON `opportunity_lines` (`opportunity_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `opportunity_stage_history_opp_idx` ON `opportunity_stage_history` (`opportunity_id`,`entered_at`);--> statement-breakpoint
CREATE INDEX `opportunity_stage_history_user_idx` ON `opportunity_stage_history` (`corp_id`,`user_id`,`entered_at`);--> statement-breakpoint
CREATE INDEX `sales_support_opp_idx` ON `sales_support_requests` (`opportunity_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `sales_support_provider_idx` ON `sales_support_requests` (`corp_id`,`provider_user_id`,`status`);--> statement-breakpoint
CREATE INDEX `quote_lines_quote_idx` ON `quote_lines` (`quote_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `quotes_corp_number_idx` ON `quotes` (`corp_id`,`number`);--> statement-breakpoint
CREATE INDEX `visit_contacts_contact_idx` ON `visit_contacts` (`contact_id`);--> statement-breakpoint
CREATE INDEX `visits_corp_assignee_start_idx` ON `visits` (`corp_id`,`assignee_id`,`planned_start`,`id`);--> statement-breakpoint
CREATE INDEX `visits_corp_start_idx` ON `visits` (`corp_id`,`planned_start`,`id`);--> statement-breakpoint
CREATE INDEX `visits_corp_customer_idx` ON `visits` (`corp_id`,`customer_id`,`check_in_at`);--> statement-breakpoint
CREATE INDEX `visits_remind_idx` ON `visits` (`status`,`reminded_at`,`planned_start`);--> statement-breakpoint
CREATE INDEX `visits_review_idx` ON `visits` (`corp_id`,`reviewed_at`,`recorded_at`);--> statement-breakpoint
CREATE INDEX `contract_lines_contract_idx` ON `contract_lines` (`contract_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `contracts_corp_owner_idx` ON `contracts` (`corp_id`,`owner_id`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_corp_customer_idx` ON `contracts` (`corp_id`,`customer_id`,`status`);--> statement-breakpoint
CREATE INDEX `contracts_corp_signed_idx` ON `contracts` (`corp_id`,`status`,`signed_on`);--> statement-breakpoint
CREATE INDEX `doc_changes_contract_idx` ON `doc_changes` (`contract_id`,`kind`,`status`);--> statement-breakpoint
CREATE INDEX `doc_changes_order_idx` ON `doc_changes` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_lines_order_idx` ON `order_lines` (`order_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `orders_corp_owner_idx` ON `orders` (`corp_id`,`owner_id`,`id`);--> statement-breakpoint
CREATE INDEX `orders_contract_idx` ON `orders` (`contract_id`);--> statement-breakpoint
CREATE INDEX `payment_instalments_contract_idx` ON `payment_instalments` (`contract_id`,`period`);--> statement-breakpoint
CREATE INDEX `payment_instalments_due_idx` ON `payment_instalments` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `receipt_allocations_receipt_idx` ON `receipt_allocations` (`receipt_id`,`instalment_id`);--> statement-breakpoint
CREATE INDEX `receipt_allocations_instalment_idx` ON `receipt_allocations` (`instalment_id`);--> statement-breakpoint
CREATE INDEX `receipts_contract_idx` ON `receipts` (`contract_id`,`id`);--> statement-breakpoint
CREATE INDEX `receipts_corp_owner_date_idx` ON `receipts` (`corp_id`,`owner_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `receivable_changes_receivable_idx` ON `receivable_changes` (`receivable_id`);--> statement-breakpoint
CREATE INDEX `receivables_corp_owner_idx` ON `receivables` (`corp_id`,`owner_id`,`id`);--> statement-breakpoint
CREATE INDEX `receivables_customer_idx` ON `receivables` (`customer_id`,`status`);--> statement-breakpoint
CREATE INDEX `refunds_receipt_idx` ON `refunds` (`receipt_id`);--> statement-breakpoint
CREATE INDEX `refunds_corp_owner_date_idx` ON `refunds` (`corp_id`,`owner_id`,`refunded_on`);--> statement-breakpoint
CREATE INDEX `assets_customer_idx` ON `assets` (`corp_id`,`customer_id`,`status`);--> statement-breakpoint
CREATE INDEX `assets_shipment_line_idx` ON `assets` (`shipment_line_id`);--> statement-breakpoint
CREATE INDEX `invoice_lines_invoice_idx` ON `invoice_lines` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `invoices_contract_idx` ON `invoices` (`contract_id`);--> statement-breakpoint
CREATE INDEX `invoices_order_idx` ON `invoices` (`order_id`);--> statement-breakpoint
CREATE INDEX `invoices_corp_owner_date_idx` ON `invoices` (`corp_id`,`owner_id`,`issued_on`);--> statement-breakpoint
CREATE INDEX `sales_return_lines_return_idx` ON `sales_return_lines` (`return_id`);--> statement-breakpoint
CREATE INDEX `sales_returns_shipment_idx` ON `sales_returns` (`shipment_id`);--> statement-breakpoint
CREATE INDEX `shipment_lines_shipment_idx` ON `shipment_lines` (`shipment_id`);--> statement-breakpoint
CREATE INDEX `shipments_order_idx` ON `shipments` (`order_id`);--> statement-breakpoint
CREATE INDEX `shipments_corp_owner_idx` ON `shipments` (`corp_id`,`owner_id`,`id`);--> statement-breakpoint
CREATE INDEX `erp_links_entity_idx` ON `erp_links` (`corp_id`,`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `sales_targets_month_idx` ON `sales_targets` (`corp_id`,`month`);--> statement-breakpoint
CREATE INDEX `campaign_costs_campaign_idx` ON `campaign_costs` (`campaign_id`,`vendor_id`);--> statement-breakpoint
CREATE INDEX `campaign_payments_campaign_idx` ON `campaign_payments` (`campaign_id`,`vendor_id`,`status`);--> statement-breakpoint
CREATE INDEX `campaign_vendors_campaign_idx` ON `campaign_vendors` (`campaign_id`);--> statement-breakpoint
CREATE INDEX `campaigns_corp_updated_idx` ON `campaigns` (`corp_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `lead_conversions_by_user_idx` ON `lead_conversions` (`corp_id`,`converted_by`,`converted_at`);--> statement-breakpoint
CREATE INDEX `lead_conversions_campaign_idx` ON `lead_conversions` (`corp_id`,`campaign_id`,`converted_at`);--> statement-breakpoint
CREATE INDEX `lead_conversions_at_idx` ON `lead_conversions` (`corp_id`,`converted_at`);
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
ALTER TABLE `external_contact_follows` ADD CONSTRAINT `external_contact_follows_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `external_contact_follows` ADD CONSTRAINT `ext_contact_follows_contact_fk` FOREIGN KEY (`external_contact_id`) REFERENCES `external_contacts`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `external_contact_follows` ADD CONSTRAINT `external_contact_follows_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `external_contacts` ADD CONSTRAINT `external_contacts_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `external_contact_follows_user_idx` ON `external_contact_follows` (`corp_id`,`user_id`);
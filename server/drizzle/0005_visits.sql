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
ALTER TABLE `visit_contacts` ADD CONSTRAINT `visit_contacts_visit_id_visits_id_fk` FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `visit_contacts` ADD CONSTRAINT `visit_contacts_contact_id_contacts_id_fk` FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `visits` ADD CONSTRAINT `visits_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `visits` ADD CONSTRAINT `visits_customer_id_customers_id_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `visits` ADD CONSTRAINT `visits_assignee_id_users_id_fk` FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `visits` ADD CONSTRAINT `visits_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `visits` ADD CONSTRAINT `visits_check_in_photo_id_files_id_fk` FOREIGN KEY (`check_in_photo_id`) REFERENCES `files`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `visits` ADD CONSTRAINT `visits_follow_up_id_follow_ups_id_fk` FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `visits` ADD CONSTRAINT `visits_reviewer_id_users_id_fk` FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `visit_contacts_contact_idx` ON `visit_contacts` (`contact_id`);--> statement-breakpoint
CREATE INDEX `visits_corp_assignee_start_idx` ON `visits` (`corp_id`,`assignee_id`,`planned_start`,`id`);--> statement-breakpoint
CREATE INDEX `visits_corp_start_idx` ON `visits` (`corp_id`,`planned_start`,`id`);--> statement-breakpoint
CREATE INDEX `visits_corp_customer_idx` ON `visits` (`corp_id`,`customer_id`,`check_in_at`);--> statement-breakpoint
CREATE INDEX `visits_remind_idx` ON `visits` (`status`,`reminded_at`,`planned_start`);--> statement-breakpoint
CREATE INDEX `visits_review_idx` ON `visits` (`corp_id`,`reviewed_at`,`recorded_at`);
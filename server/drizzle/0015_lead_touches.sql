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
ALTER TABLE `lead_touches` ADD CONSTRAINT `lead_touches_corp_id_corps_id_fk` FOREIGN KEY (`corp_id`) REFERENCES `corps`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lead_touches` ADD CONSTRAINT `lead_touches_lead_id_leads_id_fk` FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `lead_touches` ADD CONSTRAINT `lead_touches_campaign_id_campaigns_id_fk` FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `lead_touches_lead_idx` ON `lead_touches` (`corp_id`,`lead_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `lead_touches_campaign_idx` ON `lead_touches` (`campaign_id`,`occurred_at`);
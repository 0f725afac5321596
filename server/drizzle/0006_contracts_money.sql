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
CREATE INDEX `contract_lines_contract_idx` ON `contract_lines` (`contract_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `contracts_corp_owner_idx` ON `contracts` (`corp_id`,`owner_id`,`id`);--> statement-breakpoint
CREATE INDEX `contracts_corp_customer_idx` ON `contracts` (`corp_id`,`customer_id`,`status`);--> statement-breakpoint
CREATE INDEX `contracts_corp_signed_idx` ON `contracts` (`corp_id`,`status`,`signed_on`);--> statement-breakpoint
CREATE INDEX `doc_changes_contract_idx` ON `doc_changes` (`contract_id`,`kind`,`status`);--> statement-breakpoint
CREATE INDEX `doc_changes_order_idx` ON `doc_changes` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_lines_order_idx` ON `order_lines` (`order_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `orders_corp_owner_idx` ON `orders` (`corp_id`,`owner_id`,`id`);--> statement-breakpoint
CREATE INDEX `orders_contract_idx` ON `orders` (`contract_id`);--> statement-breakpoint
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
CREATE INDEX `refunds_corp_owner_date_idx` ON `refunds` (`corp_id`,`owner_id`,`refunded_on`);
import { MigrationInterface, QueryRunner } from "typeorm";

/** Tables of every module, as designed up front so features can be built side by side. */
export class Initial1795512665937 implements MigrationInterface {
    name = 'Initial1795512665937'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`audit_events\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`at\` datetime(3) NOT NULL, \`actorId\` int UNSIGNED NULL, \`actor\` varchar(160) NOT NULL, \`action\` varchar(64) NOT NULL, \`subject\` varchar(64) NULL, \`detail\` json NULL, INDEX \`ix_audit_actor_at\` (\`actorId\`, \`at\`), INDEX \`ix_audit_action_at\` (\`action\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`campaigns\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`incidentId\` int UNSIGNED NOT NULL, \`tiers\` text NOT NULL, \`status\` varchar(20) NOT NULL, \`createdBy\` int UNSIGNED NOT NULL, \`approvedBy\` int UNSIGNED NULL, \`approvedAt\` datetime(3) NULL, \`recipientsHash\` char(64) NULL, \`templateVersion\` varchar(64) NULL, \`pausedReason\` varchar(300) NULL, \`startedAt\` datetime(3) NULL, \`completedAt\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_campaign_incident\` (\`incidentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`letters\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`campaignId\` int UNSIGNED NOT NULL, \`customerId\` bigint UNSIGNED NOT NULL, \`channel\` varchar(10) NOT NULL, \`state\` varchar(10) NOT NULL, \`token\` char(22) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`attempts\` smallint UNSIGNED NOT NULL DEFAULT '0', \`leaseUntil\` datetime(3) NULL, \`nextAttemptAt\` datetime(3) NULL, \`messageId\` varchar(255) NULL, \`tipIds\` text NULL, \`lastError\` varchar(300) NULL, \`sentAt\` datetime(3) NULL, \`deliveredAt\` datetime(3) NULL, \`bouncedAt\` datetime(3) NULL, \`complainedAt\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_letter_token\` (\`token\`), INDEX \`ix_letter_message_id\` (\`messageId\`), INDEX \`ix_letter_customer\` (\`customerId\`), INDEX \`ix_letter_campaign_state\` (\`campaignId\`, \`state\`), UNIQUE INDEX \`uq_letter_campaign_customer\` (\`campaignId\`, \`customerId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`mail_events\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`dedupeKey\` char(64) NOT NULL, \`letterId\` bigint UNSIGNED NULL, \`type\` varchar(20) NOT NULL, \`at\` datetime(3) NOT NULL, \`reason\` varchar(300) NULL, UNIQUE INDEX \`uq_mail_event_dedupe\` (\`dedupeKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`affected_customers\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`incidentId\` int UNSIGNED NOT NULL, \`customerNumber\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`name\` varchar(200) NOT NULL, \`email\` varchar(254) NULL, \`phone\` varchar(20) NULL, \`street\` varchar(200) NULL, \`houseNumber\` varchar(10) NULL, \`houseNumberSuffix\` varchar(10) NOT NULL DEFAULT '', \`postcode\` char(7) NULL, \`city\` varchar(100) NULL, \`birthDate\` date NULL, \`language\` char(2) NOT NULL DEFAULT 'nl', \`formerCustomer\` tinyint NOT NULL DEFAULT 0, \`tierSeverity\` tinyint UNSIGNED NOT NULL, \`exposedMask\` int UNSIGNED NOT NULL DEFAULT '0', \`contentHash\` char(64) NOT NULL DEFAULT '', \`lastImportId\` int UNSIGNED NULL, \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_customer_address\` (\`incidentId\`, \`postcode\`, \`houseNumber\`, \`houseNumberSuffix\`), UNIQUE INDEX \`uq_customer_incident_number\` (\`incidentId\`, \`customerNumber\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`contacts\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`incidentId\` int UNSIGNED NOT NULL, \`customerId\` bigint UNSIGNED NOT NULL, \`staffId\` int UNSIGNED NOT NULL, \`outcome\` varchar(30) NOT NULL, \`notes\` varchar(2000) NULL, \`at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_contact_incident\` (\`incidentId\`, \`outcome\`), INDEX \`ix_contact_customer\` (\`customerId\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`import_issues\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`importId\` int UNSIGNED NOT NULL, \`line\` int UNSIGNED NOT NULL, \`column\` varchar(100) NOT NULL DEFAULT '', \`severity\` varchar(10) NOT NULL, \`reason\` varchar(300) NOT NULL, INDEX \`ix_issue_import_line\` (\`importId\`, \`line\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`imports\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`incidentId\` int UNSIGNED NOT NULL, \`tier\` varchar(20) NOT NULL, \`status\` varchar(20) NOT NULL, \`dryRun\` tinyint NOT NULL DEFAULT 0, \`encoding\` varchar(20) NULL, \`delimiter\` varchar(8) NULL, \`rowsRead\` int UNSIGNED NOT NULL DEFAULT '0', \`rowsRejected\` int UNSIGNED NOT NULL DEFAULT '0', \`warnings\` int UNSIGNED NOT NULL DEFAULT '0', \`customersCreated\` int UNSIGNED NOT NULL DEFAULT '0', \`customersUpdated\` int UNSIGNED NOT NULL DEFAULT '0', \`customersUnchanged\` int UNSIGNED NOT NULL DEFAULT '0', \`progress\` tinyint UNSIGNED NOT NULL DEFAULT '0', \`message\` text NULL, \`fileSize\` bigint UNSIGNED NOT NULL DEFAULT '0', \`storedPath\` varchar(500) NULL, \`createdBy\` int UNSIGNED NULL, \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`finishedAt\` datetime(3) NULL, INDEX \`ix_import_incident\` (\`incidentId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`incidents\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`title\` varchar(200) NOT NULL, \`company\` varchar(200) NOT NULL, \`senderEmail\` varchar(254) NOT NULL, \`hotlinePhone\` varchar(40) NOT NULL, \`hotlineEmail\` varchar(254) NOT NULL, \`discoveredAt\` datetime(3) NOT NULL, \`description\` text NOT NULL, \`measuresTaken\` text NOT NULL, \`trackOpens\` tinyint NOT NULL DEFAULT 0, \`createdBy\` int UNSIGNED NULL, \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`staff_members\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`name\` varchar(100) NOT NULL, \`role\` varchar(20) NOT NULL, \`email\` varchar(254) NULL, \`tokenHash\` char(64) NOT NULL, \`disabledAt\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_staff_token_hash\` (\`tokenHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`letter_engagements\` (\`letterId\` bigint UNSIGNED NOT NULL, \`campaignId\` int UNSIGNED NOT NULL, \`firstClickAt\` datetime(3) NULL, \`clickCount\` int UNSIGNED NOT NULL DEFAULT '0', \`acknowledgedAt\` datetime(3) NULL, \`openedAt\` datetime(3) NULL, INDEX \`ix_engagement_campaign\` (\`campaignId\`), PRIMARY KEY (\`letterId\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`letter_engagements\``);
        await queryRunner.query(`DROP INDEX \`uq_staff_token_hash\` ON \`staff_members\``);
        await queryRunner.query(`DROP TABLE \`staff_members\``);
        await queryRunner.query(`DROP TABLE \`incidents\``);
        await queryRunner.query(`DROP INDEX \`ix_import_incident\` ON \`imports\``);
        await queryRunner.query(`DROP TABLE \`imports\``);
        await queryRunner.query(`DROP INDEX \`ix_issue_import_line\` ON \`import_issues\``);
        await queryRunner.query(`DROP TABLE \`import_issues\``);
        await queryRunner.query(`DROP INDEX \`ix_contact_customer\` ON \`contacts\``);
        await queryRunner.query(`DROP INDEX \`ix_contact_incident\` ON \`contacts\``);
        await queryRunner.query(`DROP TABLE \`contacts\``);
        await queryRunner.query(`DROP INDEX \`uq_customer_incident_number\` ON \`affected_customers\``);
        await queryRunner.query(`DROP INDEX \`ix_customer_address\` ON \`affected_customers\``);
        await queryRunner.query(`DROP TABLE \`affected_customers\``);
        await queryRunner.query(`DROP INDEX \`uq_mail_event_dedupe\` ON \`mail_events\``);
        await queryRunner.query(`DROP TABLE \`mail_events\``);
        await queryRunner.query(`DROP INDEX \`uq_letter_campaign_customer\` ON \`letters\``);
        await queryRunner.query(`DROP INDEX \`ix_letter_campaign_state\` ON \`letters\``);
        await queryRunner.query(`DROP INDEX \`ix_letter_customer\` ON \`letters\``);
        await queryRunner.query(`DROP INDEX \`ix_letter_message_id\` ON \`letters\``);
        await queryRunner.query(`DROP INDEX \`uq_letter_token\` ON \`letters\``);
        await queryRunner.query(`DROP TABLE \`letters\``);
        await queryRunner.query(`DROP INDEX \`ix_campaign_incident\` ON \`campaigns\``);
        await queryRunner.query(`DROP TABLE \`campaigns\``);
        await queryRunner.query(`DROP INDEX \`ix_audit_action_at\` ON \`audit_events\``);
        await queryRunner.query(`DROP INDEX \`ix_audit_actor_at\` ON \`audit_events\``);
        await queryRunner.query(`DROP TABLE \`audit_events\``);
    }

}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The breach register: an incident's notification facts (role, awareness time, controller, nature,
 * risk, number of people) and the register module's own tables: submissions per deadline, reminders
 * sent (one row per incident, recipient and reminder, so several workers send each one once) and
 * breach reports from the public form.
 */
export class BreachRegister1796400000000 implements MigrationInterface {
  name = 'BreachRegister1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE `incidents` ADD `role` varchar(12) NOT NULL DEFAULT 'controller', ADD `awareAt` datetime(3) NULL, " +
        'ADD `controllerName` varchar(200) NULL, ADD `controllerEmail` varchar(254) NULL, ADD `controllerDeadlineHours` smallint unsigned NOT NULL DEFAULT 48, ' +
        'ADD `nature` varchar(100) NULL, ADD `riskLevel` varchar(10) NULL, ADD `riskReasoning` text NULL, ' +
        'ADD `subjectsMin` int unsigned NULL, ADD `subjectsMax` int unsigned NULL, ADD `consequences` text NULL, ADD `measuresBefore` text NULL',
    );
    await queryRunner.query(
      'CREATE TABLE `deadline_submissions` (`id` int unsigned NOT NULL AUTO_INCREMENT, `incidentId` int unsigned NOT NULL, `recipient` varchar(12) NOT NULL, ' +
        '`phase` varchar(12) NOT NULL, `submittedAt` datetime(3) NOT NULL, `reference` varchar(100) NULL, `delayReason` text NULL, `recordedBy` int unsigned NULL, ' +
        '`createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (`id`), INDEX `ix_submission_incident` (`incidentId`, `recipient`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4',
    );
    await queryRunner.query(
      'CREATE TABLE `deadline_reminders` (`id` int unsigned NOT NULL AUTO_INCREMENT, `incidentId` int unsigned NOT NULL, `recipient` varchar(12) NOT NULL, ' +
        '`reminder` varchar(4) NOT NULL, `dueAt` datetime(3) NOT NULL, `claimedUntil` datetime(3) NOT NULL, `sentAt` datetime(3) NULL, `admins` smallint unsigned NOT NULL DEFAULT 0, ' +
        '`createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (`id`), UNIQUE INDEX `uq_reminder` (`incidentId`, `recipient`, `reminder`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4',
    );
    await queryRunner.query(
      'CREATE TABLE `breach_reports` (`id` int unsigned NOT NULL AUTO_INCREMENT, `reference` char(11) CHARACTER SET ascii NOT NULL, ' +
        '`whatHappened` text NOT NULL, `noticedAt` varchar(100) NOT NULL, `organisation` varchar(200) NULL, `reporterName` varchar(200) NOT NULL, ' +
        '`reporterEmail` varchar(254) NULL, `reporterPhone` varchar(40) NULL, `language` varchar(2) NOT NULL, ' +
        "`status` varchar(10) NOT NULL DEFAULT 'new', `rejectReason` text NULL, `incidentId` int unsigned NULL, `decidedBy` int unsigned NULL, `decidedAt` datetime(3) NULL, " +
        '`receivedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (`id`), UNIQUE INDEX `uq_breach_report_reference` (`reference`), INDEX `ix_breach_report_status` (`status`, `id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `breach_reports`');
    await queryRunner.query('DROP TABLE `deadline_reminders`');
    await queryRunner.query('DROP TABLE `deadline_submissions`');
    await queryRunner.query(
      'ALTER TABLE `incidents` DROP COLUMN `role`, DROP COLUMN `awareAt`, DROP COLUMN `controllerName`, DROP COLUMN `controllerEmail`, DROP COLUMN `controllerDeadlineHours`, ' +
        'DROP COLUMN `nature`, DROP COLUMN `riskLevel`, DROP COLUMN `riskReasoning`, DROP COLUMN `subjectsMin`, DROP COLUMN `subjectsMax`, DROP COLUMN `consequences`, DROP COLUMN `measuresBefore`',
    );
  }
}

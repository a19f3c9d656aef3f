import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign kinds and waves: a campaign's kind and update text, what each letter is (kind, the tier
 * and data it warns about, what an earlier warning covered), and the `warnings` ledger whose unique
 * key makes "never warned twice at one severity" hold in the database, also for campaigns started
 * at the same moment. Campaigns started before this migration are written into the ledger.
 */
export class CampaignWaves1796200000000 implements MigrationInterface {
  name = 'CampaignWaves1796200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      "ALTER TABLE `campaigns` ADD `kind` varchar(10) NOT NULL DEFAULT 'warning', ADD `updateText` text NULL, ADD `remindsCampaignId` int UNSIGNED NULL, ADD `reminderAfterDays` smallint UNSIGNED NULL, ADD `alreadyWarnedAtStart` int UNSIGNED NOT NULL DEFAULT 0",
    );
    await q.query(
      "ALTER TABLE `letters` ADD `kind` varchar(10) NOT NULL DEFAULT 'warning', ADD `severity` tinyint UNSIGNED NULL, ADD `exposedMask` int UNSIGNED NULL, ADD `followsSeverity` tinyint UNSIGNED NULL, ADD `followsMask` int UNSIGNED NULL",
    );
    await q.query(
      'CREATE TABLE `warnings` (`incidentId` int UNSIGNED NOT NULL, `customerId` bigint UNSIGNED NOT NULL, `severity` tinyint UNSIGNED NOT NULL, `letterId` bigint UNSIGNED NOT NULL, `campaignId` int UNSIGNED NOT NULL, `exposedMask` int UNSIGNED NOT NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (`incidentId`, `customerId`, `severity`), UNIQUE INDEX `uq_warning_letter` (`letterId`), INDEX `ix_warning_campaign` (`campaignId`)) ENGINE=InnoDB',
    );
    // Letters from before: their tier and data are taken as the customer's now (the best there is).
    await q.query('UPDATE letters l JOIN affected_customers c ON c.id = l.customerId SET l.severity = c.tierSeverity, l.exposedMask = c.exposedMask WHERE l.severity IS NULL');
    await q.query(
      `INSERT IGNORE INTO warnings (incidentId, customerId, severity, letterId, campaignId, exposedMask)
       SELECT c.incidentId, l.customerId, l.severity, l.id, l.campaignId, l.exposedMask
         FROM letters l JOIN campaigns c ON c.id = l.campaignId
        WHERE c.startedAt IS NOT NULL AND l.kind = 'warning' AND l.severity IS NOT NULL
        ORDER BY l.id`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `warnings`');
    await q.query('ALTER TABLE `letters` DROP COLUMN `kind`, DROP COLUMN `severity`, DROP COLUMN `exposedMask`, DROP COLUMN `followsSeverity`, DROP COLUMN `followsMask`');
    await q.query('ALTER TABLE `campaigns` DROP COLUMN `kind`, DROP COLUMN `updateText`, DROP COLUMN `remindsCampaignId`, DROP COLUMN `reminderAfterDays`, DROP COLUMN `alreadyWarnedAtStart`');
  }
}
